package io.subsync.mastersim;

import static io.subsync.mastersim.MasterHttp.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Deliveries that break the contract are refused, naming the field, and never applied. */
class MasterSimulatorValidationTest {
    private static MasterSimulator master;
    private static MasterHttp http;

    @BeforeAll
    static void start() throws Exception {
        master = MasterSimulator.start(MasterSimulator.Options.defaults());
        http = new MasterHttp(master.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    static Stream<Arguments> badDeliveries() {
        return Stream.of(
                bad("missing userId", body -> body.remove("userId"), 400, "userId"),
                bad("missing serviceId", body -> body.remove("serviceId"), 400, "serviceId"),
                bad("missing planTier", body -> body.put("planTier", null), 400, "planTier"),
                bad("missing operation", body -> body.remove("operation"), 400, "operation"),
                bad("blank userId", body -> body.put("userId", " "), 400, "userId"),
                bad("userId not a string", body -> body.put("userId", 42), 400, "userId"),
                bad("metadata not an object", body -> body.put("metadata", "x"), 400, "metadata"),
                bad("unknown field", body -> body.put("plan_tier", "pro"), 400, "plan_tier"),
                bad("unknown operation", body -> body.put("operation", "delete"), 422, "operation"),
                bad("startDate not a date", body -> body.put("startDate", "yesterday"), 422, "startDate"),
                bad("endDate without offset", body -> body.put("endDate", "2025-01-31T10:00:00"), 422, "endDate"));
    }

    private static Arguments bad(String name, Consumer<Map<String, Object>> breakIt, int status, String field) {
        return Arguments.of(name, breakIt, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDeliveries")
    void refusesADeliveryThatBreaksTheContractNamingTheField(
            String name, Consumer<Map<String, Object>> breakIt, int status, String field) {
        Map<String, Object> body = delivery("create", "user-bad", "pawnshop", "pro");
        breakIt.accept(body);

        MasterHttp.Response response = http.deliver("key-" + name, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("field").stringValue()).isEqualTo(field);
        assertThat(response.json().get("error").stringValue()).isNotBlank();
        assertThat(master.subscriptionsOf("user-bad")).isEmpty();
    }

    @Test
    void requiresAnIdempotencyKey() {
        MasterHttp.Response response = http.deliver(null, delivery("create", "user-1", "pawnshop", "pro"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").stringValue()).isEqualTo("Idempotency-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1, 2]", "\"text\"", ""})
    void refusesABodyThatIsNotAJsonObject(String body) {
        MasterHttp.Response response = http.deliver("key-" + body.hashCode(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("field").isNull()).isTrue();
    }

    @Test
    void refusesASequenceThatIsNotAnInteger() {
        MasterHttp.Response response =
                http.deliver("key-seq", delivery("create", "user-1", "pawnshop", "pro"), "X-Subsync-Sequence", "first");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").stringValue()).isEqualTo("X-Subsync-Sequence");
    }

    @Test
    void leavesTheKeyFreeWhenTheDeliveryWasRefused() {
        Map<String, Object> body = delivery("create", "user-2", "pawnshop", "pro");
        body.put("operation", "delete");
        assertThat(http.deliver("key-retry", body).status()).isEqualTo(422);

        body.put("operation", "create");
        MasterHttp.Response corrected = http.deliver("key-retry", body);

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("applied").booleanValue()).isTrue();
    }

    @Test
    void acceptsDatesAsDaysOrInstantsAndOperationsInAnyCase() {
        Map<String, Object> body = delivery("SYNC", "user-3", "pawnshop", "pro");
        body.put("startDate", "2025-01-01");
        body.put("endDate", "2026-01-01T00:00:00+02:00");

        MasterHttp.Response response = http.deliver("key-dates", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().at("/subscription/startDate").stringValue()).isEqualTo("2025-01-01");
    }
}
