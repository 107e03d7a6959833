package dev.vcportfolio.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The report's number forms, and its escaping, without the container. */
class ReportFormatTest {

    @Test
    void figures_have_one_fixed_form() {
        assertThat(ReportFormat.multiple(1.86849)).isEqualTo("1.868\u00d7");
        assertThat(ReportFormat.multiple((Double) null)).isEqualTo(ReportFormat.NONE);
        assertThat(ReportFormat.percent(0.10675)).isEqualTo("10.7%");
        assertThat(ReportFormat.percent(-0.0001)).isEqualTo("0.0%");
        assertThat(ReportFormat.weight(0.4)).isEqualTo("40.00%");
        assertThat(ReportFormat.money(33_199_936.4)).isEqualTo("33,199,936");
        assertThat(ReportFormat.count(61_577)).isEqualTo("61,577");
        assertThat(ReportFormat.number(0.8125654)).isEqualTo("0.812565");
        assertThat(ReportFormat.number(1.0)).isEqualTo("1");
        assertThat(ReportFormat.number(Double.NaN)).isEqualTo(ReportFormat.NONE);
        assertThat(ReportFormat.scientific(1e-4)).isEqualTo("1.0e-04");
        assertThat(ReportFormat.millis(850)).isEqualTo("850 ms");
        assertThat(ReportFormat.millis(52_600)).isEqualTo("52.6 s");
        assertThat(ReportFormat.dateTime(OffsetDateTime.of(2026, 12, 7, 15, 4, 5, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("2026-12-07 14:04:05 UTC");
    }

    @Test
    void text_cannot_become_markup() {
        assertThat(ReportHtml.escape("<script>alert(\"x\")</script>&'"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
        assertThat(ReportHtml.escape("a\u0000b")).isEqualTo("a\ufffdb");
        assertThat(new ReportHtml().element("td", "num", "<b>").toString())
                .isEqualTo("<td class=\"num\">&lt;b&gt;</td>\n");
    }
}
