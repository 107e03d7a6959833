package dev.vcportfolio.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.vcportfolio.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN 10, Access: each endpoint x (no token, wrong token, another fund's token, the owning fund's token). What fund
 * A created answers 404 to fund B's token everywhere, never 403 and never its data.
 */
@QuarkusTest
class AccessControlTest {

    static final UUID FUND = TestTokens.FUNDS.getFirst();
    static final String WRONG = "not-a-configured-token";

    /** What the owning fund created once for the whole class: matrix, calibration, two sessions. */
    record Owned(String matrixKey, String calibration, String session, String cancellable) {}

    private static Owned owned;

    /** An endpoint: how to call it on what the owner holds, and the statuses the owner may get. */
    record Endpoint(String name, Function<Owned, Response> call, List<Integer> ownerStatuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The token the endpoint calls send; null: none (not even the test default). */
    private static String token;

    @BeforeEach
    void no_token() {
        token = null;
        if (owned == null) {
            owned = create();
        }
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                        new Endpoint(
                                "POST /api/matrices",
                                o -> json().body(upload(FUND, 7)).post("/api/matrices"),
                                List.of(200, 201)),
                        new Endpoint(
                                "POST /api/matrices (multipart)",
                                o -> req().multiPart(
                                                "spec",
                                                "{\"fundId\":\"" + FUND + "\",\"buckets\":[{\"sector\":\"A\","
                                                        + "\"stage\":\"Seed\",\"initialCheck\":1000000,"
                                                        + "\"reserveRatio\":1.0}]}",
                                                "application/json")
                                        .multiPart("moic", "moic.bin", new byte[] {0, 0, -128, 63, 0, 0, 0, 64})
                                        .post("/api/matrices"),
                                List.of(200, 201)),
                        new Endpoint(
                                "POST /api/matrices/generate",
                                o -> json().body(Map.of(
                                                "fundId",
                                                FUND.toString(),
                                                "buckets",
                                                List.of(Map.of(
                                                        "sector",
                                                        "SaaS",
                                                        "stage",
                                                        "Seed",
                                                        "initialCheck",
                                                        1_500_000,
                                                        "reserveRatio",
                                                        1.0)),
                                                "scenarioCount",
                                                1_000))
                                        .post("/api/matrices/generate"),
                                List.of(200, 202)),
                        new Endpoint(
                                "GET /api/matrices/{key}",
                                o -> req().get("/api/matrices/" + o.matrixKey()),
                                List.of(200)),
                        new Endpoint(
                                "GET /api/matrices/{key}/moic (JSON)",
                                o -> req().accept(ContentType.JSON).get("/api/matrices/" + o.matrixKey() + "/moic"),
                                List.of(200)),
                        new Endpoint(
                                "GET /api/matrices/{key}/moic (bytes)",
                                o -> req().accept("application/octet-stream")
                                        .get("/api/matrices/" + o.matrixKey() + "/moic"),
                                List.of(200)),
                        new Endpoint(
                                "POST /api/calibrations",
                                o -> json().body(calibration("access-" + UUID.randomUUID(), FUND))
                                        .post("/api/calibrations"),
                                List.of(201)),
                        new Endpoint(
                                "GET /api/calibrations/{version}",
                                o -> req().get("/api/calibrations/" + o.calibration()),
                                List.of(200)),
                        new Endpoint(
                                "POST /api/optimization/request",
                                o -> json().body(session(o.matrixKey(), FUND)).post("/api/optimization/request"),
                                List.of(202)),
                        new Endpoint(
                                "GET /api/optimization/sessions?fundId=",
                                o -> req().queryParam("fundId", FUND.toString()).get("/api/optimization/sessions"),
                                List.of(200)),
                        new Endpoint(
                                "GET /api/optimization/status/{id}",
                                o -> req().get("/api/optimization/status/" + o.session()),
                                List.of(200)),
                        new Endpoint(
                                "GET /api/optimization/result/{id}",
                                o -> req().get("/api/optimization/result/" + o.session()),
                                List.of(200, 409)),
                        new Endpoint(
                                "POST /api/optimization/{id}/cancel",
                                o -> req().post("/api/optimization/" + o.cancellable() + "/cancel"),
                                List.of(200, 409)),
                        new Endpoint(
                                "POST /api/portfolio/evaluate",
                                o -> json().body(Map.of(
                                                "matrixKey",
                                                o.matrixKey(),
                                                "fundSize",
                                                1e8,
                                                "weights",
                                                Map.of("A|Seed", 0.5, "B|SeriesA", 0.5)))
                                        .post("/api/portfolio/evaluate"),
                                List.of(200)),
                        new Endpoint(
                                "POST /api/optimization/frontier",
                                o -> json().body(Map.of(
                                                "matrixKey",
                                                o.matrixKey(),
                                                "fundSize",
                                                1e8,
                                                "constraints",
                                                Map.of("cvarConfidence", 0.8),
                                                "points",
                                                3))
                                        .post("/api/optimization/frontier"),
                                List.of(200, 422)))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void without_a_token_every_endpoint_answers_401_with_a_bearer_challenge(Endpoint endpoint) {
        // when
        Response response = endpoint.call().apply(owned);

        // then
        assertUnauthorized(response);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void with_an_unknown_token_every_endpoint_answers_401(Endpoint endpoint) {
        // given
        as(WRONG);

        // when
        Response response = endpoint.call().apply(owned);

        // then
        assertUnauthorized(response);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void another_funds_token_gets_404_and_none_of_the_data(Endpoint endpoint) {
        // given
        as(TestTokens.OTHER_TOKEN);

        // when
        Response response = endpoint.call().apply(owned);

        // then
        response.then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        String body = response.asString();
        assertThat(body).doesNotContain("bucketKeys", "A|Seed", "transitionStats", "allocation");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void the_owning_funds_token_is_served(Endpoint endpoint) {
        // given
        as(TestTokens.TOKEN);

        // when
        Response response = endpoint.call().apply(owned);

        // then
        assertThat(response.statusCode()).as(response.asString()).isIn(endpoint.ownerStatuses());
    }

    @Test
    void a_scheme_other_than_bearer_is_refused() {
        // when
        Response response = RestAssured.given()
                .header(TestTokens.AUTHORIZATION, "Basic dGVzdC10b2tlbjo=")
                .get("/api/calibrations");

        // then
        assertUnauthorized(response);
    }

    @Test
    void the_calibration_list_shows_the_shared_benchmarks_and_only_the_callers_own() {
        // given
        as(TestTokens.OTHER_TOKEN);

        // when
        Response response = req().get("/api/calibrations");

        // then
        response.then().statusCode(200);
        List<String> versions = response.jsonPath().getList("version");
        List<String> funds = response.jsonPath().getList("fundId");
        assertThat(versions).contains("industry-benchmark-v1").doesNotContain(owned.calibration());
        assertThat(funds).allSatisfy(fund -> assertThat(fund).isIn(null, TestTokens.OTHER_FUND.toString()));
    }

    @Test
    void a_shared_benchmark_calibration_is_visible_to_every_fund() {
        // given
        as(TestTokens.OTHER_TOKEN);

        // when
        Response response = req().get("/api/calibrations/industry-benchmark-v1");

        // then
        response.then().statusCode(200);
    }

    @Test
    void another_funds_matrix_key_in_a_session_request_is_as_unknown_as_a_key_never_stored() {
        // given
        as(TestTokens.OTHER_TOKEN);

        // when
        Response foreign =
                json().body(session(owned.matrixKey(), TestTokens.OTHER_FUND)).post("/api/optimization/request");
        Response unknown =
                json().body(session("0".repeat(64), TestTokens.OTHER_FUND)).post("/api/optimization/request");

        // then
        foreign.then().statusCode(unknown.statusCode()).contentType("application/problem+json");
        assertThat(foreign.jsonPath().getString("detail"))
                .isEqualTo(unknown.jsonPath().getString("detail").replace("0".repeat(64), owned.matrixKey()));
    }

    @Test
    void what_a_token_creates_without_a_fund_id_belongs_to_its_first_fund() {
        // given
        Map<String, Object> upload = upload(null, 11);

        // when
        Response stored = client(TestTokens.OTHER_TOKEN)
                .contentType(ContentType.JSON)
                .body(upload)
                .post("/api/matrices");

        // then
        stored.then().statusCode(anyOf(is(200), is(201))).body("fundId", equalTo(TestTokens.OTHER_FUND.toString()));
        String key = stored.jsonPath().getString("matrixKey");
        client(TestTokens.TOKEN).get("/api/matrices/" + key).then().statusCode(404);
        client(TestTokens.OTHER_TOKEN).get("/api/matrices/" + key).then().statusCode(200);
    }

    @Test
    void every_api_operation_in_the_openapi_document_requires_a_token() {
        // given
        Map<String, Map<String, Object>> paths =
                RestAssured.given().get("/q/openapi?format=json").jsonPath().getMap("paths");
        List<String> open = new ArrayList<>();

        // when
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            operations.keySet().forEach(method -> {
                int status = req().contentType(ContentType.JSON)
                        .body("{}")
                        .request(method.toUpperCase(java.util.Locale.ROOT), concrete)
                        .statusCode();
                if (status != 401) {
                    open.add(method + " " + path + " -> " + status);
                }
            });
        });

        // then
        assertThat(paths.keySet()).anyMatch(path -> path.startsWith("/api/"));
        assertThat(open).isEmpty();
    }

    @Test
    void the_openapi_document_declares_the_bearer_scheme_on_every_api_operation() {
        // when
        var document = RestAssured.given().get("/q/openapi?format=json").jsonPath();

        // then
        assertThat(document.getString("components.securitySchemes.bearerToken.type"))
                .isEqualTo("http");
        assertThat(document.getString("components.securitySchemes.bearerToken.scheme"))
                .isEqualTo("bearer");
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/")) {
                operations.forEach((method, operation) -> assertThat(String.valueOf(operation.get("security")))
                        .as(method + " " + path)
                        .contains("bearerToken"));
            }
        });
    }

    @Test
    void operations_endpoints_stay_open_even_with_a_wrong_token() {
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            // when
            int status = RestAssured.given()
                    .header(TestTokens.AUTHORIZATION, TestTokens.bearer(WRONG))
                    .get(path)
                    .statusCode();

            // then
            assertThat(status).as(path).isEqualTo(200);
        }
    }

    private static void assertUnauthorized(Response response) {
        response.then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:vcportfolio:problem:unauthorized"));
    }

    private static void as(String caller) {
        token = caller;
    }

    /** A request with the current {@link #token} only. */
    private static RequestSpecification req() {
        return RestAssured.given()
                .header(TestTokens.AUTHORIZATION, token == null ? TestTokens.NO_TOKEN : TestTokens.bearer(token));
    }

    /** A request with exactly this token. */
    private static RequestSpecification client(String caller) {
        return RestAssured.given().header(TestTokens.AUTHORIZATION, TestTokens.bearer(caller));
    }

    private static RequestSpecification json() {
        return req().contentType(ContentType.JSON);
    }

    /** Creates, as the owning fund, what the other tests try to reach. */
    private static Owned create() {
        as(TestTokens.TOKEN);
        try {
            String key = json().body(upload(FUND, 3))
                    .post("/api/matrices")
                    .then()
                    .statusCode(anyOf(is(200), is(201)))
                    .extract()
                    .path("matrixKey");
            String version = "access-owned-" + UUID.randomUUID();
            json().body(calibration(version, FUND))
                    .post("/api/calibrations")
                    .then()
                    .statusCode(201);
            String session = json().body(session(key, FUND))
                    .post("/api/optimization/request")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("sessionId");
            String cancellable = json().body(session(key, FUND))
                    .post("/api/optimization/request")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("sessionId");
            return new Owned(key, version, session, cancellable);
        } finally {
            token = null;
        }
    }

    /** A two-bucket matrix, unique per seed; {@code fund} null leaves the fund id out. */
    static Map<String, Object> upload(UUID fund, int seed) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (fund != null) {
            body.put("fundId", fund.toString());
        }
        body.put(
                "buckets",
                List.of(
                        Map.of("sector", "A", "stage", "Seed", "initialCheck", 1_000_000, "reserveRatio", 1.0),
                        Map.of("sector", "B", "stage", "SeriesA", "initialCheck", 1_000_000, "reserveRatio", 1.0)));
        body.put("moic", List.of(List.of(0.0, 1.0, 2.0, 3.0 + seed, 0.5), List.of(1.0, 0.0, 4.0, 0.2, 1.5 + seed)));
        body.put("matrixType", "moic");
        return body;
    }

    static Map<String, Object> calibration(String version, UUID fund) {
        Map<String, Object> rates = Map.of("exitRate", 0.1, "graduateRate", 0.3, "failureRate", 0.2);
        Map<String, Object> exit = Map.of("medianMOIC", 2, "p90MOIC", 8);
        return Map.of(
                "version",
                version,
                "fundId",
                fund.toString(),
                "transitionStats",
                Map.of("Seed", rates, "SeriesA", rates, "SeriesB", rates, "SeriesC", rates),
                "exitOutcomes",
                Map.of("Seed", exit, "SeriesA", exit, "SeriesB", exit, "SeriesC", exit));
    }

    static Map<String, Object> session(String matrixKey, UUID fund) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fundId", fund.toString());
        body.put("fundSize", 100_000_000);
        body.put("matrixKey", matrixKey);
        body.put("constraints", Map.of("maxLossProbability", 0.9, "cvarConfidence", 0.8));
        body.put("validationScenarios", 100);
        return body;
    }
}
