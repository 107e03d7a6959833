package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RequestBodyDeadline with app.http.body-timeout at 3 s (so CI waits seconds, not a minute): a body dripped a byte a
 * second, which the 30 s idle timeout never cuts, is answered 408 problem+json and its connection closed, with and
 * without Content-Length; a 20 MB upload arriving steadily over longer than the timeout (above the minimum rate) is
 * stored.
 */
@QuarkusTest
@TestProfile(BodyDeadlineTest.ShortBodyDeadline.class)
class BodyDeadlineTest {

    public static class ShortBodyDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // 20 MB of float32 is 5.2 M cells; the tests' default is 2 M
            return Map.of("app.http.body-timeout", "3S", "app.matrix.max-cells", "8000000");
        }
    }

    static final long TWENTY_MB = 20L << 20;
    static final int BUCKETS = 4;

    /**
     * Generous: the 3 s deadline answers a few seconds in and a 20 MB upload takes five; these bounds only stop a
     * request that is never answered. They do not tell the deadlines apart: the 408's detail names the one that cut.
     */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(120);

    /** Generous: the server closes as soon as the 408 is written; this only stops a connection left open. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    @Test
    void a_dripped_body_is_answered_408_and_closed_after_the_body_timeout() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            // given one byte a second of a 1,000-byte body
            StreamedRequest.Body drip =
                    new StreamedRequest.Body(1_000, chunked, StreamedRequest.text("{\"version\":", " "), 1);

            // when
            StreamedRequest.Outcome outcome =
                    StreamedRequest.post("/api/calibrations", "application/json", drip, ANSWER_WAIT, CLOSE_WAIT);

            // then the 3 s deadline (as its problem says), not earlier, cut the body and closed the connection
            System.out.printf(
                    "%nDripped body (%s): %d after %d ms, %d bytes sent, closed=%s%n",
                    chunked ? "chunked" : "Content-Length",
                    outcome.status(),
                    outcome.millis(),
                    outcome.bytesSent(),
                    outcome.closed());
            assertThat(outcome.status()).isEqualTo(408);
            assertThat(outcome.contentType()).startsWith(Problem.MEDIA_TYPE);
            assertThat(outcome.body()).contains("request-timeout", "app.http.body-timeout 3000 ms");
            assertThat(outcome.millis()).as("not before the deadline").isGreaterThanOrEqualTo(3_000L);
            assertThat(outcome.closed()).as("closed after the answer").isTrue();
        }
    }

    @Test
    void a_steady_twenty_megabyte_upload_slower_than_the_timeout_is_not_cut() throws Exception {
        // given 20 MB at 4 MB/s: five seconds, past the 3 s timeout, far above the 64 KB/s minimum rate
        String head = "--" + HostileMultipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"spec\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + spec() + "\r\n--" + HostileMultipart.BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"moic\"; filename=\"moic.f32\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + HostileMultipart.BOUNDARY + "--\r\n";
        StreamedRequest.Body upload = new StreamedRequest.Body(
                head.length() + TWENTY_MB + tail.length(), false, matrix(head, tail), 4L << 20);

        // when
        StreamedRequest.Outcome outcome = StreamedRequest.post(
                "/api/matrices", "multipart/form-data; boundary=" + HostileMultipart.BOUNDARY, upload, ANSWER_WAIT);

        // then
        System.out.printf(
                "%nSteady 20 MB upload at 4 MB/s: %d after %d ms, %.1f MB sent%n",
                outcome.status(), outcome.millis(), outcome.bytesSent() / 1048576.0);
        assertThat(outcome.status()).as(outcome.body()).isIn(200, 201);
        // paced at 4 MB/s, so never sooner: the body outlasted the deadline, which let it through for its rate
        assertThat(outcome.millis()).isGreaterThan(3_000L);
    }

    private static String spec() {
        var spec = HostileMultipart.spec();
        var buckets = spec.withArray("buckets");
        for (int b = buckets.size(); b < BUCKETS; b++) {
            buckets.addObject()
                    .put("sector", "S" + b)
                    .put("stage", "Seed")
                    .put("initialCheck", 1_000_000)
                    .put("reserveRatio", 1.0);
        }
        return spec.toString();
    }

    /** The head, 20 MB of float32 values in [0, 4) little-endian, the closing boundary. */
    private static StreamedRequest.BodyContent matrix(String head, String tail) {
        byte[] prefix = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] suffix = tail.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer values = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 1024; i++) {
            values.putFloat((i % 16) / 4f);
        }
        byte[] block = values.array();
        return (offset, buffer, count) -> {
            for (int i = 0; i < count; i++) {
                long at = offset + i;
                long inValues = at - prefix.length;
                buffer[i] = at < prefix.length
                        ? prefix[(int) at]
                        : inValues < TWENTY_MB
                                ? block[(int) (inValues % block.length)]
                                : suffix[(int) (inValues - TWENTY_MB)];
            }
        };
    }
}
