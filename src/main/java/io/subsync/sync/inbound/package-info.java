/**
 * Master's changes coming in: webhooks checked and taken once (ReceiveMasterEvent), and Master's state taken into
 * the MVP side under the drift policy (AcceptMasterState).
 */
package io.subsync.sync.inbound;
