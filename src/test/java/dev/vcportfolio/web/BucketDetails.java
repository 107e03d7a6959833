package dev.vcportfolio.web;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The page's round-by-round inputs as a user reaches them: the model and timeline, and under each bucket row its
 * details (entry valuation, follow-on policy, reserve options). Inputs are found by the request path they stand for
 * ({@code data-field}), the same path the API names in a field error.
 */
final class BucketDetails {

    private final ChromeDriver driver;

    BucketDetails(ChromeDriver driver) {
        this.driver = driver;
    }

    void model(String simModel) {
        new Select(driver.findElement(By.id("simModel"))).selectByValue(simModel);
    }

    /** Opens (or, when open, closes) bucket {@code bucket}'s details by clicking its summary line. */
    void toggle(int bucket) {
        detailRow(bucket).findElement(By.tagName("summary")).click();
    }

    boolean open(int bucket) {
        return detailRow(bucket).findElement(By.tagName("details")).getAttribute("open") != null;
    }

    /** Adds a reserve option to the bucket (details open) and names it; returns its request path. */
    String addOption(int bucket, String name, String reserveRatio) {
        detailRow(bucket).findElement(By.cssSelector(".add-option")).click();
        int index = detailRow(bucket).findElements(By.cssSelector(".option")).size() - 1;
        String at = "buckets[" + bucket + "].reserveOptions[" + index + "]";
        type(field(at + ".name"), name);
        type(field(at + ".reserveRatio"), reserveRatio);
        return at;
    }

    /** Sets a follow-on policy at {@code at} ({@code buckets[1]} or an option's path); blank values stay blank. */
    void followOn(String at, String mode, String multiple, String participation, String rounds) {
        new Select(field(at + ".followOn.mode")).selectByValue(mode);
        if (!multiple.isEmpty()) {
            type(field(at + ".followOn.multiple"), multiple);
        }
        type(field(at + ".followOn.participation"), participation);
        type(field(at + ".followOn.rounds"), rounds);
    }

    /** The control standing for a request path, e.g. {@code buckets[0].reserveOptions[1].reserveRatio}. */
    WebElement field(String path) {
        return driver.findElement(By.cssSelector("[data-field='" + path + "']"));
    }

    List<WebElement> detailRows() {
        return driver.findElements(By.cssSelector("#bucket-rows tr.bucket-detail"));
    }

    /** The body of the last optimization request the page sent (recorded by {@link WebPageFixtures#RECORD_CALLS}). */
    JsonObject sentRequest() {
        Object body = driver.executeScript("""
                return window.calls.filter((c) => c[0] === '/api/optimization/request').map((c) => c[2]).at(-1);
                """);
        return new JsonObject((String) body);
    }

    private WebElement detailRow(int bucket) {
        return detailRows().get(bucket);
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }
}
