package dev.vcportfolio.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A session request's optional {@code name} (DESIGN 16): trimmed, stored, shown, part of the idempotent request. */
@QuarkusTest
class SessionNameTest {

    @Inject
    Pool pool;

    @Test
    void a_name_is_stored_trimmed_and_shown_in_the_status_and_result() {
        // given
        String matrixKey = SessionFixtures.smallMatrix(SessionFixtures.FUND);

        // when
        String id = SessionFixtures.startedNamed(SessionFixtures.FUND, matrixKey, "\t Fund IV – base case ✓  ");

        // then
        given().get("/api/optimization/status/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Fund IV – base case ✓"));
        assertThat(SessionFixtures.completed(id).getString("name")).isEqualTo("Fund IV – base case ✓");
        assertThat(Sql.column(pool, "SELECT name FROM optimization_sessions WHERE id = $1", UUID.fromString(id)))
                .containsExactly("Fund IV – base case ✓");
    }

    @Test
    void without_a_name_the_views_say_null() {
        // given
        Map<String, Object> body = body(SessionFixtures.smallMatrix(SessionFixtures.FUND), null);

        // when
        String id = SessionFixtures.started(body);

        // then
        given().get("/api/optimization/status/" + id).then().statusCode(200).body("name", nullValue());
    }

    @Test
    void a_name_of_120_characters_is_kept_whole() {
        // given
        String name = "n".repeat(119) + "✓";

        // when
        String id = SessionFixtures.started(body(SessionFixtures.smallMatrix(SessionFixtures.FUND), " " + name + " "));

        // then
        given().get("/api/optimization/status/" + id).then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void the_name_is_part_of_the_request_an_idempotency_key_stands_for() {
        // given
        String matrixKey = SessionFixtures.smallMatrix(SessionFixtures.FUND);
        String key = "named-" + UUID.randomUUID();
        Response first = SessionFixtures.request(body(matrixKey, "Plan A"), key);
        first.then().statusCode(202);
        long sessions = Sql.count(pool, "optimization_sessions");

        // when
        Response padded = SessionFixtures.request(body(matrixKey, "  Plan A "), key);
        Response renamed = SessionFixtures.request(body(matrixKey, "Plan B"), key);
        Response unnamed = SessionFixtures.request(body(matrixKey, null), key);

        // then
        padded.then().statusCode(200).body("sessionId", equalTo(first.path("sessionId")));
        renamed.then().statusCode(409).contentType("application/problem+json");
        unnamed.then().statusCode(409).contentType("application/problem+json");
        assertThat(Sql.count(pool, "optimization_sessions")).isEqualTo(sessions);
    }

    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of("empty", "\"\""),
                Arguments.of("blank", "\"  \\t \""),
                Arguments.of("121 characters", "\"" + "n".repeat(121) + "\""),
                Arguments.of("121 characters inside spaces", "\"  " + "n".repeat(121) + "  \""),
                Arguments.of("a control character", "\"Plan\\u0007A\""),
                Arguments.of("a line break inside", "\"Plan\\nA\""),
                Arguments.of("half a surrogate pair", "\"Plan \\ud800\""),
                Arguments.of("a NUL character", "\"Plan\\u0000A\""),
                Arguments.of("an array", "[\"Plan A\"]"),
                Arguments.of("an object", "{\"text\": \"Plan A\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNames")
    void a_bad_name_is_a_400_naming_it_and_writes_nothing(String description, String name) {
        // given
        String matrixKey = SessionFixtures.smallMatrix(SessionFixtures.FUND);
        String body = "{\"fundId\": \"" + SessionFixtures.FUND + "\", \"fundSize\": 1e7, \"matrixKey\": \"" + matrixKey
                + "\", \"name\": " + name + "}";
        Map<String, Long> before = counts();

        // when
        Response response = given().contentType(ContentType.JSON).body(body).post("/api/optimization/request");

        // then
        response.then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
        assertThat(counts()).isEqualTo(before);
    }

    private static Map<String, Object> body(String matrixKey, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fundId", SessionFixtures.FUND.toString());
        if (name != null) {
            body.put("name", name);
        }
        body.put("fundSize", 10_000_000);
        body.put("matrixKey", matrixKey);
        body.put("validationScenarios", 100);
        return body;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("optimization_sessions", "scenario_matrices", "job_outbox")) {
            counts.put(table, Sql.count(pool, table));
        }
        return counts;
    }
}
