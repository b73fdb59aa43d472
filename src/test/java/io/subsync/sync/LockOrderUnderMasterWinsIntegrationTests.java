package io.subsync.sync;

import org.springframework.test.context.TestPropertySource;

/**
 * The same contention under {@code master-wins}, where every change from Master is taken at once, and so changes the
 * tenant (its plan, its products) while the tenant's own changes and the workers run.
 */
@TestPropertySource(properties = "subsync.sync.drift-policy=master-wins")
class LockOrderUnderMasterWinsIntegrationTests extends LockOrderIntegrationTests {}
