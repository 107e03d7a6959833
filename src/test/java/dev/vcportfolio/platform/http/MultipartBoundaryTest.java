package dev.vcportfolio.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultipartBoundaryTest {

    @Test
    void a_multipart_content_type_needs_a_boundary_of_one_to_seventy_characters() {
        // given
        String seventyOne = "b".repeat(71);

        // when / then
        assertThat(RequestBodyLimits.hasBoundaryIfMultipart("multipart/form-data; boundary=abc"))
                .isTrue();
        assertThat(RequestBodyLimits.hasBoundaryIfMultipart("Multipart/Form-Data;BOUNDARY=\"a b\""))
                .isTrue();
        assertThat(RequestBodyLimits.hasBoundaryIfMultipart("application/json")).isTrue();
        assertThat(RequestBodyLimits.hasBoundaryIfMultipart(null)).isTrue();
        assertThat(RequestBodyLimits.hasBoundaryIfMultipart("multipart/form-data"))
                .isFalse();
        assertThat(RequestBodyLimits.hasBoundaryIfMultipart("multipart/form-data; boundary="))
                .isFalse();
        assertThat(RequestBodyLimits.hasBoundaryIfMultipart("multipart/form-data; boundary=\"\""))
                .isFalse();
        assertThat(RequestBodyLimits.hasBoundaryIfMultipart("multipart/form-data; boundary=" + seventyOne))
                .isFalse();
    }
}
