package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vcportfolio.support.RawHttp;
import dev.vcportfolio.support.Sql;
import dev.vcportfolio.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, hostile input: {@value #PER_ENDPOINT} generated bodies (seeded) to every JSON write endpoint — wrong types,
 * missing and unknown fields, huge/tiny/negative/zero numbers, NaN and Infinity as numbers and strings, nesting 10,000
 * deep, invalid UTF-8, unknown enums, duplicate keys, min > max, empty and huge arrays, SQL and script text, truncated
 * and empty bodies. Asserts: no 5xx, every 4xx is problem+json, no more rows than accepted requests (so none from a
 * rejected one), the service ready afterwards. Prints the figures.
 */
@QuarkusTest
class HostileInputCampaignTest {

    static final int PER_ENDPOINT = 10_000;
    static final long SEED = 20_261_124L;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String IDEMPOTENCY_KEY = "hostile-campaign";

    static final List<String> TEXT = List.of(
            "' OR '1'='1",
            "'); DROP TABLE scenario_matrices; --",
            "1; SELECT pg_sleep(10)",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "\u0000",
            "\uD800",
            "é\u202Eevil",
            "",
            " ",
            "x".repeat(10_000),
            "NaN",
            "Infinity",
            "-Infinity",
            "moic",
            "tvpi",
            "SeriesZ",
            "seed",
            "00000000-0000-0000-0000-000000000000");
    static final List<String> NUMBERS = List.of(
            "NaN",
            "Infinity",
            "-Infinity",
            "0",
            "-0",
            "-1",
            "1e308",
            "-1e308",
            "1e-320",
            "1e400",
            "9223372036854775808",
            "2147483648",
            "-2147483649",
            "0.0000001",
            "3.5",
            "1E+2",
            "1",
            "2");

    @Inject
    Pool pool;

    record Endpoint(String path, ObjectNode base) {}

    @Test
    void ten_thousand_hostile_bodies_per_write_endpoint_get_4xx_problems_and_write_nothing() throws Exception {
        // given
        String matrixKey = RestAssured.given()
                .contentType(ContentType.JSON)
                .body(matrixUpload().toString())
                .post("/api/matrices")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)))
                .extract()
                .path("matrixKey");
        List<Endpoint> endpoints = List.of(
                new Endpoint("/api/matrices", matrixUpload()),
                new Endpoint("/api/matrices/generate", generation()),
                new Endpoint("/api/calibrations", calibration()),
                new Endpoint("/api/optimization/request", session(matrixKey)),
                new Endpoint("/api/portfolio/evaluate", evaluation(matrixKey)),
                new Endpoint("/api/optimization/frontier", frontier(matrixKey)));
        Map<String, Long> before = rowCounts();
        Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        long started = System.nanoTime();

        // when
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<?>> runs = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                SplittableRandom random =
                        new SplittableRandom(SEED ^ endpoint.path().hashCode());
                AtomicInteger next = new AtomicInteger();
                for (int c = 0; c < 2; c++) {
                    runs.add(clients.submit(() -> {
                        while (next.getAndIncrement() < PER_ENDPOINT) {
                            byte[] body;
                            synchronized (random) {
                                body = hostile(endpoint.base(), random);
                            }
                            send(http, endpoint.path(), body, statuses, failures);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> after = rowCounts();

        // then
        print(statuses, before, after, seconds);
        assertThat(failures).as("5xx, non-problem 4xx or transport failures").isEmpty();
        long acceptedMatrixWrites = accepted(statuses, "/api/matrices")
                + accepted(statuses, "/api/matrices/generate")
                + accepted(statuses, "/api/optimization/request");
        assertThat(after.get("scenario_matrices") - before.get("scenario_matrices"))
                .isLessThanOrEqualTo(acceptedMatrixWrites);
        assertThat(after.get("calibration_snapshots") - before.get("calibration_snapshots"))
                .isLessThanOrEqualTo(accepted(statuses, "/api/calibrations"));
        assertThat(after.get("optimization_sessions") - before.get("optimization_sessions"))
                .isLessThanOrEqualTo(accepted(statuses, "/api/optimization/request"));
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void a_body_that_never_arrives_is_cut_off_by_the_idle_timeout() throws Exception {
        // given a request announcing a body it never sends (slowloris); quarkus.http.idle-timeout=30S closes it.
        long started = System.nanoTime();

        // when
        RawHttp.Response response = RawHttp.send("POST /api/calibrations HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"version\":");

        // then the socket read in RawHttp gives up after 10 s at most, and the server has not answered 2xx or 5xx
        assertThat(response.status()).isNotIn(200, 201, 202).isLessThan(500);
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(40);
    }

    private static void send(
            HttpClient http,
            String path,
            byte[] body,
            Map<String, Map<Integer, LongAdder>> statuses,
            List<String> failures) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + RawHttp.port() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header(TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (path.equals("/api/optimization/request")) {
                // one session at most: a different valid body under the same key is a 409, not new work
                request.header("Idempotency-Key", IDEMPOTENCY_KEY);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            statuses.computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(status, s -> new LongAdder())
                    .increment();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500 || (status >= 400 && !type.startsWith(Problem.MEDIA_TYPE))) {
                failures.add(status + " " + path + " " + type + " for "
                        + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8) + " -> "
                        + response.body()
                                .substring(0, Math.min(300, response.body().length())));
            }
        } catch (Exception e) {
            failures.add(path + ": " + e);
        }
    }

    /** One generated body: a mutation of the endpoint's valid body, or raw bytes no JSON reader should accept. */
    static byte[] hostile(ObjectNode base, SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 4) {
            return raw(base, random);
        }
        ObjectNode body = base.deepCopy();
        int mutations = 1 + random.nextInt(3);
        String text = null;
        for (int m = 0; m < mutations; m++) {
            text = mutate(body, random);
        }
        return (text != null ? text : body.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** Mutates the tree in place; returns text when the mutation can only be expressed as text. */
    private static String mutate(ObjectNode body, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(body, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        int what = random.nextInt(10);
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (what) {
                case 0 -> object.remove(name);
                case 1 -> object.put("unexpected" + random.nextInt(3), "x");
                case 2 -> {
                    // a duplicate key and a number token JSON does not allow, only as text
                    String number = NUMBERS.get(random.nextInt(NUMBERS.size()));
                    return body.toString().replaceFirst("\\{", "{\"" + name + "\":" + number + ",");
                }
                case 3 -> object.putArray(name);
                case 4 -> {
                    ArrayNode huge = object.putArray(name);
                    for (int i = 0; i < 2_000; i++) {
                        huge.add(
                                random.nextBoolean()
                                        ? JsonNodeFactory.instance.objectNode().put("sector", "S" + i)
                                        : JsonNodeFactory.instance.numberNode(i));
                    }
                }
                case 5 -> object.putObject(name).put("min", 0.9).put("max", 0.1);
                case 6 -> object.put(name, TEXT.get(random.nextInt(TEXT.size())));
                case 7 -> object.putNull(name);
                case 8 -> object.put(name, random.nextBoolean());
                default -> {
                    String number = NUMBERS.get(random.nextInt(NUMBERS.size()));
                    try {
                        object.set(name, JSON.readTree(number));
                    } catch (Exception notJson) {
                        object.put(name, number);
                    }
                }
            }
        } else if (target instanceof ArrayNode array) {
            switch (what % 4) {
                case 0 -> array.removeAll();
                case 1 -> array.add(TEXT.get(random.nextInt(TEXT.size())));
                case 2 -> array.add(JsonNodeFactory.instance.objectNode().put("sector", "Bio"));
                default -> array.addNull();
            }
        }
        return null;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                JsonNode child = children.next();
                if (child.isContainerNode() && child.size() < 50) {
                    collect(child, containers);
                }
            }
        }
    }

    private static byte[] raw(ObjectNode base, SplittableRandom random) {
        String valid = base.toString();
        return switch (random.nextInt(6)) {
            case 0 -> "[".repeat(10_000).concat("]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
            case 1 -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] text = valid.getBytes(StandardCharsets.UTF_8);
                int cut = text.length / 2;
                bytes.write(text, 0, cut);
                bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, 0, 4);
                bytes.write(text, cut, text.length - cut);
                yield bytes.toByteArray();
            }
            case 2 -> valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[0];
            case 4 -> "{\"a\":".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            default -> (valid + valid).getBytes(StandardCharsets.UTF_8);
        };
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table :
                List.of("scenario_matrices", "calibration_snapshots", "optimization_sessions", "job_outbox")) {
            counts.put(table, Sql.count(pool, table));
        }
        return counts;
    }

    private static long accepted(Map<String, Map<Integer, LongAdder>> statuses, String path) {
        return statuses.getOrDefault(path, Map.of()).entrySet().stream()
                .filter(e -> e.getKey() < 300)
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    private static void print(
            Map<String, Map<Integer, LongAdder>> statuses,
            Map<String, Long> before,
            Map<String, Long> after,
            double seconds) {
        long total = 0;
        Map<Integer, Long> overall = new TreeMap<>();
        StringBuilder report = new StringBuilder("\nHostile input campaign (seed " + SEED + ")\n");
        for (var endpoint : new TreeMap<>(statuses).entrySet()) {
            Map<Integer, Long> counts = new TreeMap<>();
            endpoint.getValue().forEach((status, n) -> counts.put(status, n.sum()));
            counts.forEach((status, n) -> overall.merge(status, n, Long::sum));
            long sent = counts.values().stream().mapToLong(Long::longValue).sum();
            total += sent;
            report.append(String.format("  %-28s %6d sent  %s%n", endpoint.getKey(), sent, counts));
        }
        long fives = overall.entrySet().stream()
                .filter(e -> e.getKey() >= 500)
                .mapToLong(Map.Entry::getValue)
                .sum();
        report.append(String.format(
                "  total %d requests in %.1f s; by status %s; 5xx = %d%n  rows before %s, after %s%n",
                total, seconds, overall, fives, before, after));
        System.out.println(report);
    }

    static ObjectNode matrixUpload() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode buckets = body.putArray("buckets");
        buckets.addObject()
                .put("sector", "A")
                .put("stage", "Seed")
                .put("initialCheck", 1_000_000)
                .put("reserveRatio", 1.0);
        buckets.addObject()
                .put("sector", "B")
                .put("stage", "SeriesA")
                .put("initialCheck", 1_000_000)
                .put("reserveRatio", 1.0);
        ArrayNode moic = body.putArray("moic");
        moic.addArray().add(0.0).add(1.0).add(2.5).add(9.0).add(0.5);
        moic.addArray().add(1.0).add(0.0).add(4.0).add(0.2).add(1.5);
        body.put("matrixType", "moic");
        return body;
    }

    static ObjectNode generation() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("buckets")
                .addObject()
                .put("sector", "SaaS")
                .put("stage", "Seed")
                .put("initialCheck", 1_500_000)
                .put("reserveRatio", 1.0)
                .put("dealsPerBucket", 1);
        body.put("scenarioCount", 100);
        body.putArray("regimes")
                .addObject()
                .put("name", "base")
                .put("probability", 1.0)
                .put("shockMin", -0.1)
                .put("shockMax", 0.1);
        return body;
    }

    static ObjectNode calibration() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("version", "hostile-campaign");
        ObjectNode stats = body.putObject("transitionStats");
        ObjectNode exits = body.putObject("exitOutcomes");
        for (String stage : List.of("Seed", "SeriesA", "SeriesB", "SeriesC")) {
            stats.putObject(stage).put("exitRate", 0.1).put("graduateRate", 0.3).put("failureRate", 0.2);
            exits.putObject(stage).put("medianMOIC", 2).put("p90MOIC", 8);
        }
        body.put("maxMoic", 250).put("sampleSize", 10);
        return body;
    }

    static ObjectNode session(String matrixKey) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("fundId", TestTokens.FUNDS.getFirst().toString());
        body.put("fundSize", 100_000_000);
        body.put("matrixKey", matrixKey);
        constraints(body.putObject("constraints"));
        body.put("validationScenarios", 100);
        return body;
    }

    static ObjectNode evaluation(String matrixKey) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("matrixKey", matrixKey);
        body.put("fundSize", 100_000_000);
        body.putObject("weights").put("A|Seed", 0.5).put("B|SeriesA", 0.5);
        constraints(body.putObject("constraints"));
        return body;
    }

    static ObjectNode frontier(String matrixKey) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("matrixKey", matrixKey);
        body.put("fundSize", 100_000_000);
        constraints(body.putObject("constraints"));
        body.put("points", 2);
        return body;
    }

    private static void constraints(ObjectNode constraints) {
        constraints.put("maxLossProbability", 0.9).put("cvarConfidence", 0.8).put("bucketMaxWeight", 1.0);
        constraints.putObject("sectorBounds").putObject("A").put("min", 0.1).put("max", 0.9);
        constraints.putObject("stageBounds").putObject("Seed").put("min", 0.0).put("max", 1.0);
    }
}
