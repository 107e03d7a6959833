package dev.vcportfolio.web;

import static io.restassured.RestAssured.given;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page steps the browser tests share: typing, finding, waiting, a bucket row, a finished panel. */
final class PageDriver {

    private final ChromeDriver driver;
    private final Duration shown;

    PageDriver(ChromeDriver driver, Duration shown) {
        this.driver = driver;
        this.shown = shown;
    }

    /** Replaces an input's text; an empty text leaves it blank. */
    void type(WebElement input, String text) {
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** The first displayed element matching {@code by}, waiting for one. */
    WebElement waitForElement(By by) {
        return new WebDriverWait(driver, shown)
                .until(d -> d.findElements(by).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    void waitFor(Duration timeout, BooleanSupplier condition) {
        new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(200)).until(d -> condition.getAsBoolean());
    }

    /** Fills one bucket row of the form. */
    void bucket(WebElement row, String sector, String stage, String check, String reserve) {
        type(row.findElement(By.cssSelector("[data-role=sector]")), sector);
        new Select(row.findElement(By.cssSelector("[data-role=stage]"))).selectByValue(stage);
        type(row.findElement(By.cssSelector("[data-role=initialCheck]")), check);
        type(row.findElement(By.cssSelector("[data-role=reserveRatio]")), reserve);
    }

    /** Whether a results panel is drawn; a failed one fails the test with the page's error. */
    boolean finished(String id) {
        String state = byId(id).getAttribute("data-state");
        if ("failed".equals(state)) {
            throw new AssertionError(id + " failed: " + byId("form-error").getText() + " / " + byId(id).getText());
        }
        return "done".equals(state);
    }

    /** The API's own result of a session, to compare the page with. */
    static JsonObject apiResult(String sessionId) {
        return new JsonObject(given().get("/api/optimization/result/" + sessionId)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
