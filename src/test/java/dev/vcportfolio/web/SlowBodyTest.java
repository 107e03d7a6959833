package dev.vcportfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, slowloris with the shipped timeouts: a body announced and never sent is cut by the idle timeout (30 s),
 * measured on a raw socket that waits up to 45 s for the server to close. A body dripped a byte at a time is never
 * idle; BodyDeadlineTest shows app.http.body-timeout cutting it.
 */
@QuarkusTest
class SlowBodyTest {

    @Test
    void request_timeouts_are_configured() {
        // given
        var config = ConfigProvider.getConfig();

        // when
        Duration idle = config.getValue("quarkus.http.idle-timeout", Duration.class);
        Duration body = config.getValue("app.http.body-timeout", Duration.class);
        String minRate = config.getValue("app.http.body-min-rate", String.class);

        // then
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
        StreamedRequest.Outcome outcome =
                StreamedRequest.post("/api/calibrations", "application/json", stalled, Duration.ofSeconds(45));

        // then
        System.out.println("\nSlowloris, body never sent: server closed=" + outcome.closed() + " after "
                + outcome.millis() + " ms, status " + outcome.status());
        assertThat(outcome.closed()).as("closed by the server within 45 s").isTrue();
        assertThat(outcome.millis()).isBetween(25_000L, 40_000L);
        assertThat(outcome.status()).isNotIn(200, 201, 202).isLessThan(500);
    }
}
