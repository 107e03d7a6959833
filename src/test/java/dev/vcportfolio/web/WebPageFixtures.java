package dev.vcportfolio.web;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;

/** Scripts the browser test runs in the page, and a matrix it stores through the API. */
final class WebPageFixtures {

    private WebPageFixtures() {}

    static final String UNLABELLED = """
            return [...document.querySelectorAll('input, select, button')]
              .filter((e) => e.labels?.length === 0 && !e.getAttribute('aria-label') && !e.textContent.trim())
              .map((e) => e.outerHTML.slice(0, 80));
            """;

    static final String TOO_WIDE = """
            return [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
              .slice(0, 8)
              .map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
            """;

    /**
     * Wraps fetch to note each call's URL, Authorization header and body (the page looks fetch up at every call), as
     * {@code window.calls}: [[url, authorization, body], …].
     */
    static final String RECORD_CALLS = """
            window.calls = [];
            const original = window.fetch;
            window.fetch = (url, init) => {
              window.calls.push([String(url), (init && init.headers && init.headers.Authorization) || '',
                (init && init.body) || '']);
              return original(url, init);
            };
            """;

    /** Stores a 3-bucket, 10-scenario matrix with no cell at 10x or more (so no allocation expects a winner). */
    static String storedMatrix() {
        var buckets = List.of(
                Map.of("sector", "A", "stage", "Seed", "initialCheck", 1_000_000, "reserveRatio", 1.0),
                Map.of("sector", "B", "stage", "SeriesA", "initialCheck", 2_000_000, "reserveRatio", 0.5),
                Map.of("sector", "C", "stage", "SeriesB", "initialCheck", 3_000_000, "reserveRatio", 0.0));
        var moic = List.of(
                List.of(0, 0, 0.5, 0.5, 4, 4, 4, 4, 4, 4),
                List.of(1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2),
                List.of(0.6, 1.5, 0.9, 2.0, 1.1, 0.4, 2.5, 1.3, 0.8, 1.9));
        return given().contentType(ContentType.JSON)
                .body(Map.of("buckets", buckets, "moic", moic, "matrixType", "moic"))
                .post("/api/matrices")
                .then()
                .statusCode(Matchers.oneOf(200, 201))
                .extract()
                .path("matrixKey");
    }
}
