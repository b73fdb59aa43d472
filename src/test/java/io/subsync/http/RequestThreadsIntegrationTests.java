package io.subsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.IntegrationTest;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

class RequestThreadsIntegrationTests extends IntegrationTest {
    @Autowired
    WebServerApplicationContext context;

    @Test
    void tomcatServesAsManyRequestsAtOnceAsTheCoresGive() {
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getConnector()
                .getProtocolHandler();
        int expected = RequestThreads.derived(Runtime.getRuntime().availableProcessors());
        assertThat(protocol.getMaxThreads()).isEqualTo(expected);
        // Not Tomcat's own default (200), nor the fixed 64 this replaced, on the machines it runs on (<= 7 cores).
        assertThat(protocol.getMaxThreads()).isNotEqualTo(200);
    }
}
