package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, hostile input: {@value #PER_ENDPOINT} generated bodies (seeded, HostileBodies) to every JSON write endpoint.
 * Asserts: no 5xx, every 4xx is problem+json, every 400 about a well-formed body names the field, no more rows than
 * accepted requests (RejectedRequestsWriteNothingTest checks each rejected request alone), the service ready
 * afterwards, and live heap after a full GC grown by less than {@value #HEAP_BOUND_MB} MB. Prints the figures.
 */
@QuarkusTest
class HostileInputCampaignTest {

    static final int PER_ENDPOINT = 10_000;
    static final long SEED = 20_261_124L;
    static final String IDEMPOTENCY_KEY = "hostile-campaign";
    /**
     * Nothing a rejected request touches should outlive it. 60,000 requests keeping 1 KB each would add ~60 MB, so a
     * per-request leak of that size fails; the few accepted requests store their matrices in the database, not the
     * heap, and caches are bounded well below this.
     */
    static final long HEAP_BOUND_MB = 64;

    @Inject
    Pool pool;

    record Endpoint(String path, ObjectNode base) {}

    @Test
    void ten_thousand_hostile_bodies_per_write_endpoint_get_4xx_problems_and_write_nothing() throws Exception {
        // given
        String matrixKey = storedMatrix();
        List<Endpoint> endpoints = List.of(
                new Endpoint("/api/matrices", HostileBodies.matrixUpload()),
                new Endpoint("/api/matrices/generate", HostileBodies.generation()),
                new Endpoint("/api/calibrations", HostileBodies.calibration()),
                new Endpoint("/api/optimization/request", HostileBodies.session(matrixKey)),
                new Endpoint("/api/portfolio/evaluate", HostileBodies.evaluation(matrixKey)),
                new Endpoint("/api/optimization/frontier", HostileBodies.frontier(matrixKey)));
        CampaignLedger ledger = new CampaignLedger("Hostile JSON bodies (seed " + SEED + ")");
        long heapBefore = CampaignProbes.usedHeapAfterGc();
        String rowsBefore = CampaignProbes.fingerprint(pool);
        long started = System.nanoTime();

        // when
        for (Endpoint endpoint : endpoints) {
            SplittableRandom random =
                    new SplittableRandom(SEED ^ endpoint.path().hashCode());
            CampaignClient.repeat(PER_ENDPOINT, i -> {
                HostileBodies.Body body;
                synchronized (random) {
                    body = HostileBodies.hostile(endpoint.base(), random);
                }
                CampaignClient.send(
                        ledger,
                        endpoint.path(),
                        request(endpoint.path(), body.bytes()),
                        body.wellFormed(),
                        CampaignLedger.cut(body.bytes()));
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long heapAfter = CampaignProbes.usedHeapAfterGc();

        // then
        System.out.println(ledger.report(seconds) + "  rows before " + rowsBefore + "\n  rows after  "
                + CampaignProbes.fingerprint(pool) + "\n  heap after full GC: before "
                + CampaignProbes.megabytes(heapBefore) + ", after " + CampaignProbes.megabytes(heapAfter)
                + " (bound +" + HEAP_BOUND_MB + " MB)");
        assertThat(ledger.failures())
                .as("5xx, non-problem 4xx, 400 naming no field, transport failures")
                .isEmpty();
        assertThat(ledger.serverErrors()).isZero();
        assertThat(endpoints).allSatisfy(e -> assertThat(ledger.sent(e.path())).isEqualTo(PER_ENDPOINT));
        assertNoMoreRowsThanAccepted(ledger);
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        assertThat(heapAfter - heapBefore).isLessThan(HEAP_BOUND_MB << 20);
    }

    private void assertNoMoreRowsThanAccepted(CampaignLedger ledger) {
        // the counts alone: accepted generations and sessions go on writing in the background
        long acceptedMatrixWrites = ledger.accepted("/api/matrices")
                + ledger.accepted("/api/matrices/generate")
                + ledger.accepted("/api/optimization/request");
        assertThat(rows("scenario_matrices")).isLessThanOrEqualTo(acceptedMatrixWrites + matricesBefore);
        assertThat(rows("calibration_snapshots"))
                .isLessThanOrEqualTo(ledger.accepted("/api/calibrations") + calibrationsBefore);
        assertThat(rows("optimization_sessions"))
                .isLessThanOrEqualTo(ledger.accepted("/api/optimization/request") + sessionsBefore);
    }

    private long matricesBefore;
    private long calibrationsBefore;
    private long sessionsBefore;

    private String storedMatrix() {
        String key = CampaignClient.storedMatrixKey();
        matricesBefore = rows("scenario_matrices");
        calibrationsBefore = rows("calibration_snapshots");
        sessionsBefore = rows("optimization_sessions");
        return key;
    }

    private long rows(String table) {
        return dev.vcportfolio.support.Sql.count(pool, table);
    }

    static HttpRequest request(String path, byte[] body) {
        HttpRequest.Builder request = CampaignClient.request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (path.equals("/api/optimization/request")) {
            // one session at most: a different valid body under the same key is a 409, not new work
            request.header("Idempotency-Key", IDEMPOTENCY_KEY);
        }
        return request.build();
    }
}
