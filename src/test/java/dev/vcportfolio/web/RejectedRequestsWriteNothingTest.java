package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "no row written by a rejected request", request by request: {@value #PER_ENDPOINT} hostile requests per
 * write endpoint, one at a time, each between two fingerprints of every table (row count and newest row version,
 * CampaignProbes); a 4xx must leave the fingerprint as it was. After an accepted request the test waits for its
 * background work and takes a new baseline.
 */
@QuarkusTest
class RejectedRequestsWriteNothingTest {

    static final int PER_ENDPOINT = 1_000;
    static final long SEED = 20_261_126L;

    @Inject
    Pool pool;

    @Test
    void no_rejected_request_changes_any_table() throws Exception {
        // given
        String matrixKey = CampaignClient.storedMatrixKey();
        Map<String, Function<SplittableRandom, HttpRequest>> endpoints = new LinkedHashMap<>();
        json(endpoints, "/api/matrices", HostileBodies.matrixUpload());
        json(endpoints, "/api/matrices/generate", HostileBodies.generation());
        json(endpoints, "/api/calibrations", HostileBodies.calibration());
        json(endpoints, "/api/optimization/request", HostileBodies.session(matrixKey));
        json(endpoints, "/api/portfolio/evaluate", HostileBodies.evaluation(matrixKey));
        json(endpoints, "/api/optimization/frontier", HostileBodies.frontier(matrixKey));
        endpoints.put(HostileMultipartAndCancelCampaignTest.MULTIPART, random -> {
            HostileMultipart.Upload upload = HostileMultipart.hostile(random);
            return CampaignClient.request("/api/matrices")
                    .header("Content-Type", upload.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload.body()))
                    .build();
        });
        endpoints.put(
                HostileMultipartAndCancelCampaignTest.CANCEL,
                // ids the HTTP client cannot send (%ZZ) are covered by HostilePathParameterTest
                random -> CampaignClient.request("/api/optimization/" + sendable(random) + "/cancel")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        CampaignLedger ledger = new CampaignLedger("Rejected requests, one at a time between table fingerprints");
        List<String> written = new ArrayList<>();
        CampaignProbes.awaitQuiet(pool);
        long started = System.nanoTime();

        // when
        for (var endpoint : endpoints.entrySet()) {
            SplittableRandom random =
                    new SplittableRandom(SEED ^ endpoint.getKey().hashCode());
            String before = CampaignProbes.fingerprint(pool);
            for (int i = 0; i < PER_ENDPOINT; i++) {
                int status = CampaignClient.send(
                        ledger, endpoint.getKey(), endpoint.getValue().apply(random), false, "#" + i);
                if (status >= 400) {
                    String after = CampaignProbes.fingerprint(pool);
                    if (!after.equals(before)) {
                        written.add(endpoint.getKey() + " #" + i + " (" + status + "): " + before + " -> " + after);
                    }
                    before = after;
                } else {
                    CampaignProbes.awaitQuiet(pool);
                    before = CampaignProbes.fingerprint(pool);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // then
        System.out.println(ledger.report(seconds) + "  rejected requests that changed a table: " + written.size());
        assertThat(written).as("rejected requests that changed a table").isEmpty();
        assertThat(ledger.serverErrors()).isZero();
    }

    private static String sendable(SplittableRandom random) {
        String id = HostileIds.next(random);
        while (!CampaignClient.clientCanSend("/" + id)) {
            id = HostileIds.next(random);
        }
        return id;
    }

    private static void json(
            Map<String, Function<SplittableRandom, HttpRequest>> endpoints, String path, ObjectNode base) {
        endpoints.put(
                path,
                random -> HostileInputCampaignTest.request(
                        path, HostileBodies.hostile(base, random).bytes()));
    }
}
