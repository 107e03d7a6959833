package dev.vcportfolio.bench;

import dev.vcportfolio.platform.database.DatabaseTarget;
import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.TestDatabase;
import dev.vcportfolio.support.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Optimization sessions end to end through the packaged service (issue 8): request-to-COMPLETED wall time for 20
 * buckets x 500 scenarios and 40 x 1,000, on a cache miss (a new fund, so the matrix is generated) and a cache hit (the
 * same request again: straight to OPTIMIZING); then sessions completed per minute with 1 and 3 replicas sharing one
 * database, from 8 clients each running sessions back to back on 20 x 500 cache misses.
 *
 * <pre>
 * bench/run SessionBenchmark [--runs 3] [--seconds 60]
 * </pre>
 */
public final class SessionBenchmark {

    private static final String[] STAGES = {"Seed", "SeriesA", "SeriesB", "SeriesC"};
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        TestDatabase.start();
        try {
            latency(runs);
            for (int replicas : new int[] {1, 3}) {
                throughput(replicas, seconds);
            }
        } finally {
            TestDatabase.stop();
        }
    }

    private static void latency(int runs) throws Exception {
        List<ServiceProcess> services = launch(1, "session-bench");
        try {
            URI base = services.getFirst().uri("/");
            session(base, body(TestTokens.freshFund(), 20, 500)); // warm-up
            System.out.println("| buckets x scenarios | cache | median | best | worst | solver status |");
            System.out.println("|---|---|---|---|---|---|");
            for (int[] size : new int[][] {{20, 500}, {40, 1_000}}) {
                long[] miss = new long[runs];
                long[] hit = new long[runs];
                String status = "";
                for (int i = 0; i < runs; i++) {
                    String body = body(TestTokens.freshFund(), size[0], size[1]);
                    long start = System.nanoTime();
                    status = session(base, body);
                    miss[i] = System.nanoTime() - start;
                    start = System.nanoTime();
                    session(base, body);
                    hit[i] = System.nanoTime() - start;
                }
                row(size, "miss", miss, status);
                row(size, "hit", hit, status);
            }
        } finally {
            services.forEach(ServiceProcess::close);
        }
    }

    private static void throughput(int replicas, int seconds) throws Exception {
        List<ServiceProcess> services = launch(replicas, "session-bench-" + replicas);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<Future<Integer>> counts = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                URI base = services.get(c % replicas).uri("/");
                counts.add(clients.submit(() -> {
                    int done = 0;
                    while (System.nanoTime() < deadline) {
                        session(base, body(TestTokens.freshFund(), 20, 500));
                        done++;
                    }
                    return done;
                }));
            }
            int total = 0;
            for (var count : counts) {
                total += count.get();
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d replica(s), 8 clients, 20 x 500 cache misses: %d sessions COMPLETED in %d s = %.1f per minute%n",
                    replicas,
                    total,
                    seconds,
                    total * 60.0 / seconds);
        } finally {
            clients.shutdownNow();
            services.forEach(ServiceProcess::close);
        }
    }

    private static List<ServiceProcess> launch(int replicas, String name) {
        DatabaseTarget database = TestDatabase.createDatabase("session_bench");
        Map<String, String> environment = new HashMap<>();
        environment.put("DB_URL", database.reactiveUrl());
        environment.put("DB_USER", database.user());
        environment.put("DB_PASSWORD", database.password());
        environment.put("APP_AUTH_TOKENS", TestTokens.benchmarkEnvironment());
        List<ServiceProcess> services = new ArrayList<>();
        services.add(ServiceProcess.launch(name + "-0", environment));
        services.getFirst().awaitReady(START_TIMEOUT);
        for (int i = 1; i < replicas; i++) {
            services.add(ServiceProcess.launch(name + "-" + i, environment));
        }
        services.forEach(service -> service.awaitReady(START_TIMEOUT));
        return services;
    }

    /** Runs one session to COMPLETED; returns the solver status. */
    private static String session(URI base, String body) throws Exception {
        HttpResponse<String> accepted = HTTP.send(
                HttpRequest.newBuilder(base.resolve("/api/optimization/request"))
                        .header(TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("request answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String id = new JsonObject(accepted.body()).getString("sessionId");
        HttpRequest poll = HttpRequest.newBuilder(base.resolve("/api/optimization/status/" + id))
                .header(TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN))
                .build();
        while (true) {
            JsonObject status = new JsonObject(
                    HTTP.send(poll, HttpResponse.BodyHandlers.ofString()).body());
            switch (status.getString("status")) {
                case "COMPLETED" -> {
                    JsonObject result = new JsonObject(HTTP.send(
                                    HttpRequest.newBuilder(base.resolve("/api/optimization/result/" + id))
                                            .header(TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
                    return result.getJsonObject("solverMetadata").getString("status");
                }
                case "FAILED", "CANCELLED" -> throw new IllegalStateException("session " + id + ": " + status);
                default -> Thread.sleep(20);
            }
        }
    }

    private static void row(int[] size, String cache, long[] nanos, String status) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "| %d x %,d | %s | %.2f s | %.2f s | %.2f s | %s |%n",
                size[0],
                size[1],
                cache,
                sorted[sorted.length / 2] / 1e9,
                sorted[0] / 1e9,
                sorted[sorted.length - 1] / 1e9,
                status);
    }

    /**
     * A fund of {@code buckets} buckets over 4 stages; limits typical of a seed fund: at most 10 % per bucket (20 buckets:
     * 15 %), loss probability at most 40 %, CVaR(0.95) of the loss fraction at most 0.8.
     */
    static String body(UUID fundId, int buckets, int scenarios) {
        JsonArray rows = new JsonArray();
        for (int b = 0; b < buckets; b++) {
            rows.add(new JsonObject()
                    .put("sector", "Sector" + (b / 4))
                    .put("stage", STAGES[b % 4])
                    .put("initialCheck", 1_000_000 * (1 + b % 4))
                    .put("reserveRatio", 1.0));
        }
        return new JsonObject()
                .put("fundId", fundId.toString())
                .put("fundSize", 200_000_000)
                .put("buckets", rows)
                .put("scenarioCount", scenarios)
                .put(
                        "constraints",
                        new JsonObject()
                                .put("bucketMaxWeight", buckets <= 20 ? 0.15 : 0.1)
                                .put("maxLossProbability", 0.4)
                                .put("cvarLimit", 0.8)
                                .put("cvarConfidence", 0.95))
                .put("validationScenarios", 5_000)
                .encode();
    }
}
