package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vcportfolio.support.Await;
import dev.vcportfolio.support.Sql;
import dev.vcportfolio.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, hostile input for the two write endpoints without a JSON body: {@value #PER_ENDPOINT} seeded multipart
 * matrix uploads (HostileMultipart) and {@value #PER_ENDPOINT} cancel calls with hostile ids and bodies, among them
 * another fund's session, which must stay as it was. Same assertions as HostileInputCampaignTest.
 */
@QuarkusTest
class HostileMultipartAndCancelCampaignTest {

    static final int PER_ENDPOINT = 10_000;
    static final long SEED = 20_261_125L;
    static final String MULTIPART = "POST /api/matrices (multipart)";
    static final String CANCEL = "POST /api/optimization/{id}/cancel";

    @Inject
    Pool pool;

    @Test
    void ten_thousand_hostile_multipart_uploads_get_4xx_problems() throws Exception {
        // given
        CampaignLedger ledger = new CampaignLedger("Hostile multipart matrix uploads (seed " + SEED + ")");
        SplittableRandom random = new SplittableRandom(SEED);
        long matricesBefore = Sql.count(pool, "scenario_matrices");
        long heapBefore = CampaignProbes.usedHeapAfterGc();
        long started = System.nanoTime();

        // when
        CampaignClient.repeat(PER_ENDPOINT, i -> {
            HostileMultipart.Upload upload;
            synchronized (random) {
                upload = HostileMultipart.hostile(random);
            }
            HttpRequest request = CampaignClient.request("/api/matrices")
                    .header("Content-Type", upload.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload.body()))
                    .build();
            CampaignClient.send(ledger, MULTIPART, request, upload.wellFormed(), upload.what());
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        long heapAfter = CampaignProbes.usedHeapAfterGc();

        // then
        long newMatrices = Sql.count(pool, "scenario_matrices") - matricesBefore;
        System.out.println(ledger.report(seconds) + "  new matrices " + newMatrices + " (accepted "
                + ledger.accepted(MULTIPART) + "); heap after full GC: before " + CampaignProbes.megabytes(heapBefore)
                + ", after " + CampaignProbes.megabytes(heapAfter));
        assertThat(ledger.failures())
                .as("5xx, non-problem 4xx, 400 naming no field, transport failures")
                .isEmpty();
        assertThat(ledger.sent(MULTIPART)).isEqualTo(PER_ENDPOINT);
        assertThat(newMatrices).isLessThanOrEqualTo(ledger.accepted(MULTIPART));
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        assertThat(heapAfter - heapBefore).isLessThan(HostileInputCampaignTest.HEAP_BOUND_MB << 20);
    }

    @Test
    void ten_thousand_hostile_cancels_get_4xx_problems_and_leave_another_funds_session_alone() throws Exception {
        // given another fund's session, and one of our own that has ended
        String foreign = session(TestTokens.OTHER_TOKEN, TestTokens.OTHER_FUND, 7);
        String own = session(TestTokens.TOKEN, TestTokens.FUNDS.getFirst(), 11);
        String foreignBefore = sessionRow(foreign);
        CampaignLedger ledger = new CampaignLedger("Hostile cancel calls (seed " + SEED + ")");
        SplittableRandom random = new SplittableRandom(SEED);
        long started = System.nanoTime();

        // when
        CampaignClient.repeat(PER_ENDPOINT, i -> {
            String id;
            byte[] body;
            String type;
            synchronized (random) {
                int pick = random.nextInt(10);
                id = pick == 0 ? foreign : pick == 1 ? own : HostileIds.next(random);
                body = random.nextBoolean()
                        ? new byte[0]
                        : HostileBodies.hostile(HostileBodies.calibration(), random)
                                .bytes();
                type = List.of("application/json", "text/plain", "application/xml", "multipart/form-data")
                        .get(random.nextInt(4));
            }
            String path = "/api/optimization/" + id + "/cancel";
            if (!CampaignClient.clientCanSend(path)) {
                CampaignClient.sendRaw(ledger, CANCEL, "POST", path, "application/json");
                return;
            }
            HttpRequest request = CampaignClient.request(path)
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            CampaignClient.send(ledger, CANCEL, request, false, id + " " + CampaignLedger.cut(body));
        });
        double seconds = (System.nanoTime() - started) / 1e9;

        // then nothing was cancelled: ours had ended (409), everything else names no session of ours (404/400)
        System.out.println(ledger.report(seconds) + "  another fund's session before " + foreignBefore + "\n"
                + "                             after  " + sessionRow(foreign));
        assertThat(ledger.failures())
                .as("5xx, non-problem 4xx, transport failures")
                .isEmpty();
        assertThat(ledger.sent(CANCEL) + ledger.sent(CANCEL + " (path not decodable)"))
                .isEqualTo(PER_ENDPOINT);
        assertThat(ledger.accepted(CANCEL)).isZero();
        assertThat(sessionRow(foreign)).isEqualTo(foreignBefore);
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * Generous: the session's small optimization finishes in seconds. The bound only turns one that never ends into a
     * failure; a session still running would change its row during the campaign and void the check on it.
     */
    private static final Duration FINISHED = Duration.ofSeconds(180);

    /** A completed session of the fund, on a matrix of its own (content varied by {@code salt}). */
    private String session(String token, UUID fund, int salt) {
        var upload = HostileBodies.matrixUpload();
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        upload.withArray("moic").get(0))
                .set(0, salt / 10.0);
        String matrixKey = RestAssured.given()
                .header(TestTokens.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(ContentType.JSON)
                .body(upload.toString())
                .post("/api/matrices")
                .then()
                .statusCode(Matchers.anyOf(Matchers.is(200), Matchers.is(201)))
                .extract()
                .path("matrixKey");
        var body = HostileBodies.session(matrixKey).put("fundId", fund.toString());
        String id = RestAssured.given()
                .header(TestTokens.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(ContentType.JSON)
                .body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/optimization/request")
                .then()
                .statusCode(202)
                .extract()
                .path("sessionId");
        String ended = Await.atMost(FINISHED, "session " + id + " to finish")
                .until(() -> sessionRow(id), row -> row.matches("(COMPLETED|FAILED|CANCELLED) .*"));
        assertThat(ended).as("session " + id).startsWith("COMPLETED ");
        return id;
    }

    private String sessionRow(String id) {
        return Sql.column(
                        pool,
                        "SELECT status || ' ' || updated_at::text || ' ' || xmin::text FROM optimization_sessions"
                                + " WHERE id = $1",
                        UUID.fromString(id))
                .getFirst();
    }
}
