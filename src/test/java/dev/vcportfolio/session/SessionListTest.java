package dev.vcportfolio.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.vcportfolio.support.Sql;
import dev.vcportfolio.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/optimization/sessions} (DESIGN 16): a fund's sessions newest first, keyset-paginated, through the
 * real stack and database. The fund is one no other test writes to, and every assertion is about this test's own
 * sessions, so what other tests leave in the database changes nothing.
 */
@QuarkusTest
class SessionListTest {

    /** Held by the test token and used by no other test. */
    static final UUID FUND = TestTokens.FUNDS.get(3);

    private static final String SESSIONS = "/api/optimization/sessions";

    @Inject
    Pool pool;

    @Test
    void sessions_come_newest_first_with_equal_times_ordered_by_id() {
        // given five sessions at four moments in 2001 (older than anything else of the fund), two at the same moment
        OffsetDateTime t0 = OffsetDateTime.of(2001, 3, 1, 12, 0, 0, 123_456_000, ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>();
        Map<UUID, OffsetDateTime> createdAt = new HashMap<>();
        for (OffsetDateTime at : List.of(t0, t0.plusSeconds(2), t0, t0.plusSeconds(1), t0.plusNanos(1_000))) {
            UUID id = insertCancelled(FUND, at);
            ids.add(id);
            createdAt.put(id, at);
        }
        List<UUID> expected = ids.stream()
                .sorted(Comparator.<UUID, OffsetDateTime>comparing(createdAt::get)
                        .thenComparing(UUID::toString)
                        .reversed())
                .toList();

        // when
        List<String> walked = walk(TestTokens.TOKEN, FUND, 2);

        // then
        assertThat(walked).doesNotHaveDuplicates();
        assertThat(walked.stream().filter(id -> createdAt.containsKey(UUID.fromString(id))))
                .containsExactlyElementsOf(expected.stream().map(UUID::toString).toList());
        assertThat(walked.subList(walked.size() - expected.size(), walked.size()))
                .as("the 2001 sessions are the fund's oldest, so the walk ends with them")
                .containsExactlyElementsOf(expected.stream().map(UUID::toString).toList());
    }

    @Test
    void a_walk_through_the_pages_sees_each_session_once_while_new_ones_arrive() {
        // given the fund's sessions as the database orders them, at least five of them from the API
        String matrixKey = SessionFixtures.smallMatrix(FUND);
        for (int i = 0; i < 5; i++) {
            SessionFixtures.startedNamed(FUND, matrixKey, "before " + i);
        }
        List<String> before = Sql.column(
                pool,
                "SELECT id::text FROM optimization_sessions WHERE fund_id = $1 ORDER BY created_at DESC, id DESC",
                FUND);
        List<String> arrived = new ArrayList<>();

        // when a session is requested after every page
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = page(TestTokens.TOKEN, FUND, "2", cursor)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            walked.addAll(page.getList("items.sessionId"));
            cursor = page.getString("nextCursor");
            arrived.add(SessionFixtures.startedNamed(FUND, matrixKey, "during " + arrived.size()));
        } while (cursor != null);

        // then the walk saw exactly the sessions there were, in order; the new ones are ahead of the first page
        assertThat(walked).containsExactlyElementsOf(before);
        List<String> fresh = walk(TestTokens.TOKEN, FUND, 100);
        List<String> ours = fresh.stream()
                .filter(id -> arrived.contains(id) || before.contains(id))
                .toList();
        List<String> expected = new ArrayList<>(arrived.reversed());
        expected.addAll(before);
        assertThat(ours).containsExactlyElementsOf(expected);
    }

    @Test
    void the_last_page_has_no_cursor_and_a_full_last_page_is_not_followed_by_an_empty_one() {
        // given a fund with exactly three sessions, all in the other token's fund
        UUID fund = TestTokens.OTHER_FUND;
        int existing = walk(TestTokens.OTHER_TOKEN, fund, 100).size();
        OffsetDateTime at = OffsetDateTime.of(2002, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        int added = (3 - existing % 3) % 3 + 3;
        for (int i = 0; i < added; i++) {
            insertCancelled(fund, at.plusMinutes(i));
        }
        int total = existing + added;

        // when
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = page(TestTokens.OTHER_TOKEN, null, "3", cursor)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            sizes.add(page.getList("items").size());
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                assertThat(page.getMap("$")).doesNotContainKey("nextCursor");
            }
        } while (cursor != null);

        // then
        assertThat(total % 3).isZero();
        assertThat(sizes).hasSize(total / 3).containsOnly(3);
    }

    @Test
    void a_named_completed_session_shows_its_headline_figures() {
        // given a round-by-round session, so it has fund (LP) metrics
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fundId", FUND.toString());
        body.put("name", "  LP view plan ");
        body.put("fundSize", 100_000_000);
        body.put("scenarioCount", 500);
        body.put("validationScenarios", 500);
        body.put(
                "buckets",
                List.of(
                        Map.of("sector", "SaaS", "stage", "Seed", "initialCheck", 1_000_000, "reserveRatio", 1),
                        Map.of("sector", "Bio", "stage", "SeriesA", "initialCheck", 3_000_000, "reserveRatio", 0.5)));
        body.put("constraints", Map.of("bucketMaxWeight", 0.7, "maxLossProbability", 0.6));
        String id = SessionFixtures.started(body);
        JsonObject result = SessionFixtures.completed(id);

        // when
        JsonObject page = new JsonObject(page(TestTokens.TOKEN, FUND, null, null)
                .then()
                .statusCode(200)
                .extract()
                .asString());

        // then
        JsonObject item = page.getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(i -> id.equals(i.getString("sessionId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not on the first page: " + page));
        assertThat(item.getString("name")).isEqualTo("LP view plan");
        assertThat(item.getString("status")).isEqualTo("COMPLETED");
        assertThat(item.getString("matrixKey")).isEqualTo(result.getString("matrixKey"));
        assertThat(item.getDouble("fundSize")).isEqualTo(1e8);
        assertThat(item.getDouble("maxLossProbability")).isEqualTo(0.6);
        assertThat(item.getDouble("expectedMoic")).isEqualTo(result.getDouble("expectedMoic"));
        JsonObject risk = result.getJsonObject("riskMetrics");
        assertThat(item.getDouble("lossProbability")).isEqualTo(risk.getDouble("lossProbability"));
        assertThat(item.getDouble("cvar")).isEqualTo(risk.getDouble("cvar"));
        assertThat(item.getDouble("netTvpi"))
                .isEqualTo(result.getJsonObject("fundMetrics")
                        .getJsonObject("netTvpi")
                        .getDouble("mean"));
        assertThat(item.getDouble("validatedExpectedMoic"))
                .isEqualTo(result.getJsonObject("validationMetrics").getDouble("expectedMoic"));
        assertThat(OffsetDateTime.parse(item.getString("createdAt"))).isNotNull();
        assertThat(result.getString("name")).isEqualTo("LP view plan");
    }

    @Test
    void another_funds_sessions_never_appear_and_asking_for_its_fund_is_a_404() {
        // given a session of each token's fund
        String ours = SessionFixtures.startedNamed(FUND, SessionFixtures.smallMatrix(FUND), "ours");
        OffsetDateTime at = OffsetDateTime.of(2003, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        String theirs = insertCancelled(TestTokens.OTHER_FUND, at).toString();

        // when
        List<String> otherWalk = walk(TestTokens.OTHER_TOKEN, null, 100);
        Response foreign = page(TestTokens.OTHER_TOKEN, FUND, null, null);
        Response unknown = page(TestTokens.OTHER_TOKEN, UUID.randomUUID(), null, null);
        List<String> ourWalk = walk(TestTokens.TOKEN, FUND, 100);

        // then
        assertThat(otherWalk).contains(theirs).doesNotContain(ours);
        assertThat(Sql.column(
                        pool, "SELECT DISTINCT fund_id::text FROM optimization_sessions WHERE id = ANY($1)", (Object)
                                otherWalk.stream().map(UUID::fromString).toArray(UUID[]::new)))
                .containsExactly(TestTokens.OTHER_FUND.toString());
        assertThat(ourWalk).contains(ours).doesNotContain(theirs);
        foreign.then().statusCode(404).contentType("application/problem+json");
        unknown.then().statusCode(404).contentType("application/problem+json");
        assertThat(foreign.jsonPath().getString("detail"))
                .isEqualTo(unknown.jsonPath().getString("detail").replace(unknownFund(unknown), FUND.toString()));
        assertThat(foreign.asString()).doesNotContain(ours);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            zero limit              ; limit=0                   ; limit
            limit above 100         ; limit=101                 ; limit
            negative limit          ; limit=-1                  ; limit
            limit not a number      ; limit=ten                 ; limit
            fractional limit        ; limit=2.5                 ; limit
            huge limit              ; limit=99999999999999999999 ; limit
            cursor not base64       ; cursor=%%%                ; cursor
            cursor of another shape ; cursor=aGVsbG8            ; cursor
            cursor out of range     ; cursor=OUT_OF_RANGE       ; cursor
            fund not a UUID         ; fundId=' OR 1=1 --        ; fundId
            short UUID              ; fundId=1-2-3-4-5          ; fundId
            """)
    void a_bad_query_is_a_400_naming_the_parameter_and_writes_nothing(String description, String query, String field) {
        // given
        Map<String, Long> before = counts();
        String[] parameter = query.split("=", 2);
        String value = parameter[1].equals("OUT_OF_RANGE")
                ? Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                ("v1:-999999999999999999:" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII))
                : parameter[1];

        // when
        Response response = given().queryParam(parameter[0], value).get(SESSIONS);

        // then
        response.then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_cursor_from_this_listing_round_trips_and_the_default_limit_is_20() {
        // given more than 20 sessions in the fund
        OffsetDateTime at = OffsetDateTime.of(2004, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 21; i++) {
            insertCancelled(FUND, at.plusSeconds(i));
        }

        // when
        JsonPath first = page(TestTokens.TOKEN, FUND, null, null)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        // then
        assertThat(first.getList("items")).hasSize(20);
        assertThat(first.getString("nextCursor")).matches("[A-Za-z0-9_-]+");
        page(TestTokens.TOKEN, FUND, "1", first.getString("nextCursor"))
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    /** Every session id of the fund, page by page; asserts the pages are at most {@code limit} long. */
    static List<String> walk(String token, UUID fund, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = page(token, fund, String.valueOf(limit), cursor)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> items = page.getList("items.sessionId");
            assertThat(items).hasSizeLessThanOrEqualTo(limit);
            ids.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    static Response page(String token, UUID fund, String limit, String cursor) {
        RequestSpecification request = given().header(TestTokens.AUTHORIZATION, TestTokens.bearer(token));
        if (fund != null) {
            request = request.queryParam("fundId", fund.toString());
        }
        if (limit != null) {
            request = request.queryParam("limit", limit);
        }
        if (cursor != null) {
            request = request.queryParam("cursor", cursor);
        }
        return request.get(SESSIONS);
    }

    private UUID insertCancelled(UUID fund, OffsetDateTime createdAt) {
        return Sql.run(pool, """
                        INSERT INTO optimization_sessions (fund_id, optimization_config, status, created_at, completed_at)
                        VALUES ($1, '{"fundSize": 1e8}', 'CANCELLED', $2, $2)
                        RETURNING id""", fund, createdAt).iterator().next().getUUID("id");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("optimization_sessions", "scenario_matrices", "job_outbox")) {
            counts.put(table, Sql.count(pool, table));
        }
        return counts;
    }

    /** The fund id a 404 detail names ("no fund <id>"). */
    private static String unknownFund(Response response) {
        String detail = response.jsonPath().getString("detail");
        return detail.substring(detail.lastIndexOf(' ') + 1);
    }
}
