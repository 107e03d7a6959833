package dev.vcportfolio.bench;

import dev.vcportfolio.support.ServiceProcess;
import dev.vcportfolio.support.TestTokens;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * HTTP load from this process against the packaged service on loopback (issue 10). For each endpoint: the saturating
 * rate (32 closed-loop clients for {@code --seconds}), then an open-loop run at 50 % and 100 % of it, with p50/p99 and
 * the count of 5xx. Then memory: RSS and the live heap after 1,000 and after 2,000 sessions (a leak would grow both).
 *
 * <pre>
 * bench/run LoadBenchmark [--seconds 10] [--sessions 1000]      --seconds 0: the memory phase only
 * </pre>
 */
public final class LoadBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8))
            .build();

    private static final int MAX_IN_FLIGHT = 1_000;

    record Target(String name, Supplier<HttpRequest> request) {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int sessions = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        try (ServiceProcess service = BenchService.launchReady("load-bench")) {
            URI base = service.uri("/");
            String completed = completedSession(base);
            String matrixKey =
                    new JsonObject(get(base, "/api/optimization/status/" + completed)).getString("matrixKey");
            List<Target> targets = List.of(
                    new Target(
                            "GET status",
                            () -> authorized(base.resolve("/api/optimization/status/" + completed))
                                    .build()),
                    new Target(
                            "GET result",
                            () -> authorized(base.resolve("/api/optimization/result/" + completed))
                                    .build()),
                    new Target(
                            "GET matrix",
                            () -> authorized(base.resolve("/api/matrices/" + matrixKey))
                                    .build()),
                    new Target(
                            "POST request",
                            () -> authorized(base.resolve("/api/optimization/request"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            SessionBenchmark.body(TestTokens.freshFund(), 4, 200)))
                                    .build()));
            if (seconds > 0) {
                System.out.println(
                        "| endpoint | saturating rate | load | req/s achieved | p50 | p99 | 5xx | 4xx | not sent |");
                System.out.println("|---|---|---|---|---|---|---|---|---|");
                for (Target target : targets) {
                    double saturating = closedLoop(target, 32, Duration.ofSeconds(seconds));
                    for (double share : new double[] {0.5, 1.0}) {
                        openLoop(target, saturating, share, Duration.ofSeconds(seconds));
                    }
                }
            }
            memory(service, base, sessions);
        }
    }

    private static double closedLoop(Target target, int clients, Duration length) throws Exception {
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + length.toNanos();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            loops.add(CompletableFuture.runAsync(
                    () -> {
                        while (System.nanoTime() < end) {
                            try {
                                HTTP.send(target.request().get(), HttpResponse.BodyHandlers.discarding());
                                done.incrementAndGet();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    },
                    Executors.newVirtualThreadPerTaskExecutor()));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get();
        return done.get() / (length.toNanos() / 1e9);
    }

    private static void openLoop(Target target, double saturating, double share, Duration length) throws Exception {
        double rate = saturating * share;
        long intervalNanos = (long) (1e9 / rate);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger clientErrors = new AtomicInteger();
        // an HTTP/1.1 client needs a socket per request in flight: past this many the generator, not the service,
        // would run out of file descriptors, so such ticks are counted as dropped instead of sent
        java.util.concurrent.Semaphore inFlightLimit = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
        AtomicInteger dropped = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long end = System.nanoTime() + length.toNanos();
        var ticks = ticker.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() >= end) {
                        return;
                    }
                    if (!inFlightLimit.tryAcquire()) {
                        dropped.incrementAndGet();
                        return;
                    }
                    long start = System.nanoTime();
                    var future = HTTP.sendAsync(target.request().get(), HttpResponse.BodyHandlers.discarding())
                            .thenAccept(response -> {
                                latencies.add(System.nanoTime() - start);
                                if (response.statusCode() >= 500) {
                                    serverErrors.incrementAndGet();
                                } else if (response.statusCode() >= 400) {
                                    clientErrors.incrementAndGet();
                                }
                            })
                            .whenComplete((ignored, failure) -> inFlightLimit.release());
                    synchronized (inFlight) {
                        inFlight.add(future);
                    }
                },
                0,
                intervalNanos,
                TimeUnit.NANOSECONDS);
        Thread.sleep(length.toMillis());
        ticks.cancel(false);
        ticker.shutdown();
        synchronized (inFlight) {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "| %s | %.0f req/s | %.0f %% | %.0f | %.1f ms | %.1f ms | %d | %d | %d |%n",
                target.name(),
                saturating,
                share * 100,
                sorted.length / (length.toNanos() / 1e9),
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6,
                serverErrors.get(),
                clientErrors.get(),
                dropped.get());
    }

    private static void memory(ServiceProcess service, URI base, int sessions) throws Exception {
        for (int round = 1; round <= 2; round++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                ids.add(new JsonObject(post(base, SessionBenchmark.body(TestTokens.freshFund(), 4, 200)))
                        .getString("sessionId"));
            }
            for (String id : ids) {
                awaitCompleted(base, id);
            }
            fullGc(service.pid());
            System.out.printf(
                    Locale.ROOT,
                    "after %,d sessions and a full GC: RSS %.0f MB, live heap %.0f MB, heap used %.0f MB%n",
                    round * sessions,
                    rssKb(service.pid()) / 1024.0,
                    metric(base, "jvm_gc_live_data_size_bytes") / 1e6,
                    metric(base, "jvm_memory_used_bytes{area=\"heap\"") / 1e6);
        }
    }

    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header(TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN));
    }

    private static void awaitCompleted(URI base, String id) throws Exception {
        while (true) {
            String status = new JsonObject(get(base, "/api/optimization/status/" + id)).getString("status");
            switch (status) {
                case "COMPLETED" -> {
                    return;
                }
                case "FAILED", "CANCELLED" -> throw new IllegalStateException("session " + id + " " + status);
                default -> Thread.sleep(20);
            }
        }
    }

    private static String completedSession(URI base) throws Exception {
        String id = new JsonObject(post(base, SessionBenchmark.body(TestTokens.freshFund(), 20, 500)))
                .getString("sessionId");
        awaitCompleted(base, id);
        return id;
    }

    private static String get(URI base, String path) throws Exception {
        return HTTP.send(authorized(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String post(URI base, String body) throws Exception {
        return HTTP.send(
                        authorized(base.resolve("/api/optimization/request"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Sum of every sample of a Prometheus metric whose line starts with {@code prefix}. */
    private static double metric(URI base, String prefix) throws Exception {
        return Arrays.stream(get(base, "/q/metrics").split("\n"))
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** A full collection in the service (jcmd from this JDK), so the heap figures that follow are live data. */
    private static void fullGc(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true)
                .start();
        gc.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (gc.waitFor() != 0) {
            throw new IllegalStateException("jcmd GC.run failed for " + pid);
        }
        Thread.sleep(1_000); // let the metrics registry see the collection
    }

    private static long rssKb(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElse(-1);
    }
}
