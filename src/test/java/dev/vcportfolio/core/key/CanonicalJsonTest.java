package dev.vcportfolio.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void golden_text() {
        // given
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("z", List.of(1, 2.5, -0.0, 1e-7, 123456789.1234567));
        tree.put("a", Map.of("y", true, "b", "q\"\\\n\u0001é"));
        tree.put("m", null);

        // when
        String json = CanonicalJson.write(tree);

        // then
        assertThat(json)
                .isEqualTo("{\"a\":{\"b\":\"q\\\"\\\\\\n\\u0001é\",\"y\":true},\"m\":null,"
                        + "\"z\":[1,2.5,0,0,123456789.123457]}");
    }

    @Test
    void floats_equal_to_six_decimals_write_the_same_and_others_differ() {
        assertThat(CanonicalJson.write(List.of(0.1234564))).isEqualTo(CanonicalJson.write(List.of(0.12345640001)));
        assertThat(CanonicalJson.write(List.of(1500000.0))).isEqualTo("[1500000]");
        assertThat(CanonicalJson.write(List.of(0.123456))).isNotEqualTo(CanonicalJson.write(List.of(0.123457)));
    }

    @Test
    void map_order_does_not_matter() {
        // given
        Map<String, Object> forward = new LinkedHashMap<>();
        Map<String, Object> backward = new LinkedHashMap<>();
        List<String> names = Arrays.asList("delta", "alpha", "charlie", "bravo");
        names.forEach(n -> forward.put(n, n.length()));
        names.reversed().forEach(n -> backward.put(n, n.length()));

        // then
        assertThat(CanonicalJson.write(forward)).isEqualTo(CanonicalJson.write(backward));
    }

    @Test
    void non_finite_numbers_have_no_canonical_form() {
        assertThatThrownBy(() -> CanonicalJson.write(List.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(List.of(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
