package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.RawHttp;
import dev.vcportfolio.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, path parameters that are not UUIDs or keys (HostileIds: SQL and script text, encoded slashes, NUL, UUID
 * look-alikes, ids up to 3,000 characters, unknown UUIDs and keys) on every endpoint with one: each answers 400 or
 * 404 problem+json, never 2xx or 5xx. Known gaps, counted apart: a path with an invalid percent-encoding ({@code %ZZ})
 * gets the HTTP layer's bare 400 before any route runs, and a request line over 4 KB the codec's bare 414/431.
 */
@QuarkusTest
class HostilePathParameterTest {

    static final int PER_ENDPOINT = 500;

    @Inject
    Pool pool;

    static final long SEED = 20_261_127L;

    record Endpoint(String method, String template, String accept) {}

    @Test
    void ids_that_name_nothing_get_400_or_404_problems_on_every_path_parameter_endpoint() throws Exception {
        // given
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/optimization/status/{}", "application/json"),
                new Endpoint("GET", "/api/optimization/result/{}", "application/json"),
                new Endpoint("GET", "/api/optimization/result/{}/report", "text/html"),
                new Endpoint("POST", "/api/optimization/{}/cancel", "application/json"),
                new Endpoint("GET", "/api/matrices/{}", "application/json"),
                new Endpoint("GET", "/api/matrices/{}/moic", "application/json"),
                new Endpoint("GET", "/api/matrices/{}/moic", "application/octet-stream"),
                new Endpoint("GET", "/api/calibrations/{}", "application/json"));
        // calibration versions are free text: other campaigns may have stored one called "NaN" or "0"
        java.util.Set<String> stored =
                java.util.Set.copyOf(Sql.column(pool, "SELECT version FROM calibration_snapshots"));
        CampaignLedger ledger = new CampaignLedger("Path parameters that name nothing (seed " + SEED + ")");
        long started = System.nanoTime();

        // when
        for (Endpoint endpoint : endpoints) {
            SplittableRandom random = new SplittableRandom(SEED);
            String label = endpoint.method() + " " + endpoint.template() + " " + endpoint.accept();
            CampaignClient.repeat(PER_ENDPOINT, i -> {
                String id;
                synchronized (random) {
                    do {
                        id = HostileIds.next(random);
                    } while (endpoint.template().startsWith("/api/calibrations") && stored.contains(decoded(id)));
                }
                String path = endpoint.template().replace("{}", id);
                if (!CampaignClient.clientCanSend(path)) {
                    CampaignClient.sendRaw(ledger, label, endpoint.method(), path, endpoint.accept());
                    return;
                }
                HttpRequest request = CampaignClient.request(path)
                        .header("Accept", endpoint.accept())
                        .method(endpoint.method(), HttpRequest.BodyPublishers.noBody())
                        .build();
                CampaignClient.send(ledger, label, request, false, CampaignLedger.cut(id));
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // a request line past quarkus.http.limits.max-initial-line-length (4 KB) is refused by the HTTP codec before
        // any route runs, with Vert.x's own 414 or 431 and no problem body
        RawHttp.Response tooLong = RawHttp.send("GET /api/optimization/status/" + "a".repeat(10_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        // then
        System.out.println(ledger.report(seconds) + "  10,000-character id: " + tooLong.status() + " "
                + tooLong.header("Content-Type"));
        assertThat(ledger.failures())
                .as("5xx, non-problem 4xx, transport failures")
                .isEmpty();
        assertThat(endpoints)
                .allSatisfy(e -> assertThat(ledger.statuses(e.method() + " " + e.template() + " " + e.accept())
                                .keySet())
                        .as(e.template())
                        .isSubsetOf(400, 404));
        assertThat(tooLong.status()).isIn(414, 431);
    }

    private static String decoded(String id) {
        try {
            return java.net.URLDecoder.decode(id.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notDecodable) {
            return id;
        }
    }
}
