package dev.vcportfolio.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.vcportfolio.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/optimization/result/{id}/report}: one self-contained HTML document for a completed session, every
 * stored string escaped, and the same 404 and 409 answers as the result it is made from.
 */
@QuarkusTest
class SessionReportTest {

    private static final String HOSTILE_KEY_ESCAPED =
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;|SeriesA";

    private static String sessionId;
    private static JsonObject result;

    /** One completed session for the tests of this class (they only read it). */
    private static synchronized String session() {
        if (sessionId == null) {
            String id = SessionFixtures.started(ReportFixtures.request(ReportFixtures.HOSTILE_SECTOR));
            result = SessionFixtures.completed(id);
            sessionId = id;
        }
        return sessionId;
    }

    @Test
    void a_completed_session_has_a_self_contained_report_with_every_section_and_its_figures() {
        // given
        String id = session();

        // when
        String html = ReportFixtures.report(id);

        // then it is one document that reaches for nothing outside itself
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("http://", "https://", "src=", "href=", "<script", "<link", "<img", "url(", "@import");
        assertThat(html).contains("<style>", "<svg class=\"chart\"", "break-inside: avoid", "size: A4");
        // and every section is there, the LP view with its J-curve because the session has fundMetrics
        for (String section : ReportDocument.SECTIONS) {
            assertThat(html).contains("<h2>" + ReportHtml.escape(section) + "</h2>");
        }
        assertThat(result.getJsonObject("fundMetrics")).isNotNull();
        assertThat(html).contains("J-curve", "industry-benchmark-v3", SessionFixtures.FUND.toString(), id);
        assertThat(html).contains(ReportFormat.multiple(result.getDouble("expectedMoic")));
        // with the relaxation of the winners floor, its proof status and its sentence
        assertThat(result.getJsonArray("relaxationLog")).isNotEmpty();
        assertThat(html).contains("<th>Least move proven</th>", "Proven bound</th>");
        for (Object entry : result.getJsonArray("relaxationLog")) {
            JsonObject step = (JsonObject) entry;
            assertThat(html)
                    .contains("<td class=\"num\">" + ReportFormat.number(step.getDouble("newValue")) + "</td>")
                    .contains(ReportHtml.escape(step.getString("message")));
        }
        for (Object row : result.getJsonArray("allocation")) {
            JsonObject allocation = (JsonObject) row;
            String key = ReportHtml.escape(allocation.getString("bucketKey"));
            assertThat(html)
                    .contains("<td>" + key + "</td>\n<td class=\"num\">"
                            + ReportFormat.count(allocation.getLong("dealCount")) + "</td>\n<td class=\"num\">"
                            + ReportFormat.money(allocation.getDouble("dollars")) + "</td>\n<td class=\"num\">"
                            + ReportFormat.weight(allocation.getDouble("weight")) + "</td>");
        }
    }

    @Test
    void a_hostile_sector_name_is_text_in_the_report() {
        // given a session whose sector name is markup
        String id = session();

        // when
        String html = ReportFixtures.report(id);

        // then it appears escaped (bucket table, allocation, constraint report) and never as markup
        assertThat(html).contains(HOSTILE_KEY_ESCAPED);
        assertThat(html).doesNotContain(ReportFixtures.HOSTILE_SECTOR, "<script>", "alert(\"x\")");
    }

    @Test
    void another_funds_token_gets_the_same_404_as_for_the_result() {
        // given
        String id = session();

        // when
        JsonObject report = problem(TestTokens.OTHER_TOKEN, "/api/optimization/result/" + id + "/report", 404);

        // then
        JsonObject resultProblem = problem(TestTokens.OTHER_TOKEN, "/api/optimization/result/" + id, 404);
        assertThat(withoutInstance(report)).isEqualTo(withoutInstance(resultProblem));
        assertThat(report.encode()).doesNotContain(ReportFixtures.HOSTILE_SECTOR);
    }

    @Test
    void an_unknown_or_malformed_id_is_404() {
        // given
        UUID unknown = UUID.randomUUID();

        // when
        JsonObject report = problem(TestTokens.TOKEN, "/api/optimization/result/" + unknown + "/report", 404);

        // then
        JsonObject resultProblem = problem(TestTokens.TOKEN, "/api/optimization/result/" + unknown, 404);
        assertThat(withoutInstance(report)).isEqualTo(withoutInstance(resultProblem));
        problem(TestTokens.TOKEN, "/api/optimization/result/not-a-session/report", 404);
    }

    @Test
    void a_session_that_did_not_complete_has_no_report_409() {
        // given a cancelled session (its one-period matrix was still being generated)
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "fundId",
                SessionFixtures.FUND.toString(),
                "fundSize",
                10_000_000,
                "simModel",
                "three_component_v1",
                "scenarioCount",
                60_000 + new java.util.Random().nextInt(1_000),
                "buckets",
                List.of(Map.of("sector", "Report", "stage", "Seed", "initialCheck", 500_000, "reserveRatio", 1))));
        String id = SessionFixtures.started(body);
        given().post("/api/optimization/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));

        // when
        JsonObject report = problem(TestTokens.TOKEN, "/api/optimization/result/" + id + "/report", 409);

        // then
        assertThat(report.getString("detail")).contains("CANCELLED");
        assertThat(withoutInstance(report))
                .isEqualTo(withoutInstance(problem(TestTokens.TOKEN, "/api/optimization/result/" + id, 409)));
    }

    private static JsonObject problem(String token, String path, int status) {
        return new JsonObject(given().header(TestTokens.AUTHORIZATION, TestTokens.bearer(token))
                .get(path)
                .then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .extract()
                .asString());
    }

    private static JsonObject withoutInstance(JsonObject problem) {
        JsonObject copy = problem.copy();
        copy.remove("instance");
        return copy;
    }
}
