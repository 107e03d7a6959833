package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, slowloris with the shipped timeouts: a body announced and never sent is cut by the idle timeout (30 s),
 * measured on a raw socket. A body dripped a byte at a time is never
 * idle; BodyDeadlineTest shows app.http.body-timeout cutting it.
 */
@QuarkusTest
class SlowBodyTest {

    /**
     * Generous over the idle timeout (30 s), and past the body deadline (60 s), so that without the idle timeout the
     * deadline's 408 arrives within the wait and fails the test by what it is, not by the wait running out.
     */
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void request_timeouts_are_configured() {
        // given
        var config = ConfigProvider.getConfig();

        // when
        Duration idle = config.getValue("quarkus.http.idle-timeout", Duration.class);
        Duration body = config.getValue("app.http.body-timeout", Duration.class);
        String minRate = config.getValue("app.http.body-min-rate", String.class);

        // then the connection was closed with no answer (the body deadline would answer 408), not before 30 s
        System.out.println("\nTimeouts: idle " + idle + ", body " + body + " then at least " + minRate + "/s");
        assertThat(idle).isEqualTo(Duration.ofSeconds(30));
        assertThat(body).isEqualTo(Duration.ofSeconds(60));
        assertThat(minRate).isEqualTo("64K");
    }

    @Test
    void a_body_that_never_arrives_is_closed_by_the_idle_timeout() throws Exception {
        // given a request announcing 1,000 bytes of which it sends 11 and then nothing
        StreamedRequest.Body stalled =
                new StreamedRequest.Body(1_000, false, StreamedRequest.text("{\"version\":", " "), 0, 11);

        // when
        StreamedRequest.Outcome outcome = StreamedRequest.post("/api/calibrations", "application/json", stalled, WAIT);

        // then the connection was closed with no answer (the body deadline would answer 408), not before 30 s
        System.out.println("\nSlowloris, body never sent: server closed=" + outcome.closed() + " after "
                + outcome.millis() + " ms, status " + outcome.status());
        assertThat(outcome.closed()).as("closed by the server").isTrue();
        assertThat(outcome.status()).as("answer, if any: " + outcome.body()).isEqualTo(-1);
        assertThat(outcome.millis()).as("not before the idle timeout").isGreaterThanOrEqualTo(30_000L);
    }
}
