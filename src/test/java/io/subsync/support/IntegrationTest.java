package io.subsync.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the integration tests: the whole service on a random port, on a real PostgreSQL, with real migrations. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {
    /** The secret Master signs its webhooks with, in every integration test (MasterIntegrationTest's simulator too). */
    public static final String WEBHOOK_SECRET = "test-master-webhook-secret";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    /** The same service over a plain socket, for what an HTTP client will not send. */
    protected RawHttp raw;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.get();
        registry.add("subsync.db.url", db::url);
        registry.add("subsync.db.user", () -> db.user() == null ? "" : db.user());
        registry.add("subsync.auth.jwt-secret", () -> Tokens.SECRET);
        registry.add("subsync.db.pool-size", () -> "20");
        registry.add("subsync.sync.master-webhook-secret", () -> WEBHOOK_SECRET);
    }

    @BeforeEach
    void connectApi() {
        api = new Api(port);
        raw = new RawHttp(port);
    }
}
