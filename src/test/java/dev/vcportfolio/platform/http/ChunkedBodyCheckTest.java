package dev.vcportfolio.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ChunkedBodyCheckTest {

    @Test
    void a_body_of_exactly_the_limit_reads_whole() throws IOException {
        // given
        var body = new ChunkedBodyCheck.Bounded(new ByteArrayInputStream(new byte[1000]), 1000);

        // when
        byte[] read = body.readAllBytes();

        // then
        assertThat(read).hasSize(1000);
    }

    @Test
    void the_first_byte_past_the_limit_is_a_413() {
        // given: one byte more than allowed, read in buffers and then byte by byte
        var buffered = new ChunkedBodyCheck.Bounded(new ByteArrayInputStream(new byte[1001]), 1000);
        var single = new ChunkedBodyCheck.Bounded(new ByteArrayInputStream(new byte[1001]), 1000);

        // when
        var fromBuffers = catchThrowableOfType(WebApplicationException.class, buffered::readAllBytes);
        var fromBytes = catchThrowableOfType(WebApplicationException.class, () -> {
            for (int i = 0; i <= 1000; i++) {
                single.read();
            }
        });

        // then
        assertThat(fromBuffers.getResponse().getStatus()).isEqualTo(413);
        assertThat(fromBuffers).hasMessageContaining("limit of 1000 bytes");
        assertThat(fromBytes.getResponse().getStatus()).isEqualTo(413);
    }
}
