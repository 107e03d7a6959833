package dev.vcportfolio.web;

import dev.vcportfolio.support.RawHttp;
import dev.vcportfolio.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Sends the campaigns' requests with the test token and records each answer in a {@link CampaignLedger}. */
final class CampaignClient {

    /** Client threads per endpoint: the machine has 2 cores, and the point is coverage, not load. */
    static final int THREADS = 2;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();

    private CampaignClient() {}

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RawHttp.port() + path))
                .timeout(Duration.ofSeconds(30))
                .header(TestTokens.AUTHORIZATION, TestTokens.bearer(TestTokens.TOKEN));
    }

    /** Sends one request and records its answer under {@code label}; returns the status, or -1 on a transport error. */
    static int send(
            CampaignLedger ledger, String label, HttpRequest request, boolean fieldExpected, String description) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            ledger.record(label, response.statusCode(), type, response.body(), fieldExpected, description);
            return response.statusCode();
        } catch (Exception e) {
            ledger.transportFailure(label, e, description);
            return -1;
        }
    }

    /** Whether the HTTP client can send to the path; ids like {@code %ZZ} need {@link #sendRaw}. */
    static boolean clientCanSend(String path) {
        try {
            URI.create("http://127.0.0.1" + path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Sends a request without a body over a raw socket (RawHttp), for paths the HTTP client refuses (invalid
     * percent-encoding); recorded with {@link CampaignLedger#recordBare}: the HTTP layer answers them before any route.
     */
    static void sendRaw(CampaignLedger ledger, String label, String method, String path, String accept) {
        try {
            RawHttp.Response response = RawHttp.send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: "
                    + accept + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            ledger.recordBare(label, response.status(), path);
        } catch (Exception e) {
            ledger.transportFailure(label, e, path);
        }
    }

    /** Runs {@code request(i)} for i in [0, count) on {@link #THREADS} threads. */
    static void repeat(int count, IntConsumer request) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService clients = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < THREADS; c++) {
                runs.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        request.accept(i);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
    }

    /** Uploads the campaign's base matrix (or finds it stored) and returns its key. */
    static String storedMatrixKey() {
        return io.restassured.RestAssured.given()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(HostileBodies.matrixUpload().toString())
                .post("/api/matrices")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)))
                .extract()
                .path("matrixKey");
    }
}
