package dev.vcportfolio.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The report prints to a tidy PDF: Debian's headless Chromium prints the saved document ({@code --print-to-pdf}, as a
 * committee member's browser would), and poppler's {@code pdfinfo} and {@code pdftotext} read it back. Like the web
 * page's browser tests, this fails, never skips, without the tools; {@code .ci/run} installs them.
 */
@QuarkusTest
class SessionReportPdfTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path PDFINFO = Path.of("/usr/bin/pdfinfo");
    static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");
    static final Path OUT = Path.of("target", "report").toAbsolutePath();

    @Test
    void the_report_prints_to_a4_with_every_section_and_no_row_cut() throws Exception {
        // given a completed session's report saved as a file (the API wants a token, a file needs none)
        JsonObject result = ReportFixtures.completed(ReportFixtures.request("Fintech"));
        String html = ReportFixtures.report(result.getString("sessionId"));
        Files.createDirectories(OUT);
        Path page = Files.writeString(OUT.resolve("report.html"), html, StandardCharsets.UTF_8);
        Path pdf = OUT.resolve("report.pdf");
        Files.deleteIfExists(pdf);

        // when
        print(page, pdf);

        // then it is an A4 document
        String info = run(List.of(PDFINFO.toString(), pdf.toString()));
        Matcher pages = Pattern.compile("(?m)^Pages:\\s+(\\d+)$").matcher(info);
        assertThat(pages.find()).as(info).isTrue();
        assertThat(Integer.parseInt(pages.group(1))).isGreaterThanOrEqualTo(1);
        assertThat(info).containsPattern("Page size:.*\\(A4\\)");
        // with every section heading and the figures the committee reads
        String text = run(List.of(PDFTOTEXT.toString(), "-layout", "-enc", "UTF-8", pdf.toString(), "-"));
        for (String section : ReportDocument.SECTIONS) {
            assertThat(text).contains(section);
        }
        assertThat(text).contains(ReportDocument.TITLE, result.getString("sessionId"));
        assertThat(text).contains("Expected MOIC " + ReportFormat.multiple(result.getDouble("expectedMoic")));
        assertThat(lines(text))
                .anySatisfy(line ->
                        assertThat(line).contains("Maximum loss probability").contains(ReportFormat.percent(0.6)));
        // and each allocation row whole on one line: bucket, deals, amount and weight side by side
        for (Object row : result.getJsonArray("allocation")) {
            JsonObject r = (JsonObject) row;
            Pattern whole = Pattern.compile(Pattern.quote(r.getString("bucketKey")) + "\\s+"
                    + Pattern.quote(ReportFormat.count(r.getLong("dealCount"))) + "\\s+"
                    + Pattern.quote(ReportFormat.money(r.getDouble("dollars"))) + "\\s+"
                    + Pattern.quote(ReportFormat.weight(r.getDouble("weight"))));
            assertThat(lines(text))
                    .as("allocation row %s", r)
                    .anyMatch(line -> whole.matcher(line).find());
        }
        // as is each fund year of the J-curve table, to the last one
        int years = result.getJsonObject("fundMetrics").getJsonArray("jCurve").size();
        for (int year = 0; year < years; year++) {
            Pattern yearRow = Pattern.compile("^\\s*" + year + "(\\s+-?[0-9.]+%){3}(\\s+[0-9.]+\u00d7){3}\\s*$");
            assertThat(lines(text))
                    .as("fund year %d", year)
                    .anyMatch(line -> yearRow.matcher(line).matches());
        }
    }

    private static void print(Path page, Path pdf) throws IOException, InterruptedException {
        assertThat(CHROMIUM)
                .as("headless Chromium prints the report: apt-get install -y chromium (.ci/run installs it)")
                .isExecutable();
        assertThat(PDFTOTEXT)
                .as("poppler-utils reads the printed report: apt-get install -y poppler-utils (.ci/run installs it)")
                .isExecutable();
        Path profile = Files.createTempDirectory("report-chromium");
        run(List.of(
                CHROMIUM.toString(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf,
                page.toUri().toString()));
        assertThat(pdf).isNotEmptyFile();
    }

    /**
     * Runs a tool to the end (at most two minutes) and returns its output; a non-zero exit fails the test. The output
     * goes to a file, not a pipe: Chromium's helper processes may hold a pipe open after the browser exits.
     */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("report-tool", ".out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertThat(finished)
                .as("%s finished in time: %s", command.getFirst(), text)
                .isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, text).isZero();
        return text;
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(text.lines().toList());
    }
}
