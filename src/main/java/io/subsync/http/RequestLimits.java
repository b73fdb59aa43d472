package io.subsync.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large a request may be. A body is counted as it is read, so one that declares no length (chunked) stops at its
 * limit too.
 *
 * @param maxBodySize        {@code SUBSYNC_MAX_BODY_SIZE}: any request body but a webhook's (the JSON API, the pages'
 *                           forms)
 * @param webhookMaxBodySize {@code SUBSYNC_WEBHOOK_MAX_BODY_SIZE}: a body sent to {@code /webhooks/…}, which anyone may
 *                           send and which is read whole before its signature can be checked
 * @param maxHeaderSize      {@code SUBSYNC_MAX_HEADER_SIZE}: the request line and headers together, Tomcat's limit; a
 *                           large Supabase token must fit
 */
@ConfigurationProperties("subsync.requests")
record RequestLimits(DataSize maxBodySize, DataSize webhookMaxBodySize, DataSize maxHeaderSize) {
    private static final String WEBHOOKS = "/webhooks/";

    /** The most bytes the body of this request may have. */
    long bodyLimit(HttpServletRequest request) {
        String path = request.getRequestURI();
        return (path != null && path.startsWith(WEBHOOKS) ? webhookMaxBodySize : maxBodySize).toBytes();
    }
}
