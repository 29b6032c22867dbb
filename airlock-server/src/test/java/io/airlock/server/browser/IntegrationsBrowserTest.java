package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.storage.SigningCheckedS3;
import io.airlock.server.support.Browser;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Administration → External Integrations in real headless Chromium, against S3Mock behind a proxy that
 * checks request signatures as a real store does (S3Mock alone accepts any secret).
 */
@Tag("browser")
class IntegrationsBrowserTest extends GatewayTest {

    static final String BUCKET = "airlock-browser";
    static final String SECRET = "browser-test-secret-K3p9";

    @TempDir
    static Path dir;
    static SigningCheckedS3 s3;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startStore() {
        s3 = SigningCheckedS3.start(dir, BUCKET, SECRET);
    }

    @AfterAll
    static void stopStore() {
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowserAndReactivateEmbeddedStore() {
        try {
            browser.quit(); // fails the test on accessibility violations, after the store is active again
        } finally {
            // Other tests share this gateway and expect the embedded store to be active.
            var admin = signedInAdmin();
            for (JsonNode i : Json.parse(admin.get("/api/integrations").body())) {
                if (i.get("kind").asString().equals("EMBEDDED")) {
                    admin.post("/api/integrations/" + i.get("id").asLong() + "/check", "{}");
                    admin.post("/api/integrations/" + i.get("id").asLong() + "/activate", "{}");
                }
            }
        }
    }

    @Test
    void adminConnectsChecksAndActivatesABucketThenSeesABrokenSecretFail() throws Exception {
        String name = uniqueName("Plant recordings");
        signIn();
        testId("nav-integrations").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Embedded (local)"));

        testId("integrations-new").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("integration-name")));
        type("integration-name", name);
        type("integration-endpoint", s3.endpoint().toString());
        type("integration-region", "us-east-1");
        type("integration-bucket", BUCKET);
        type("integration-access-key-id", "AKIABROWSERTEST");
        type("integration-secret", SECRET);
        testId("integration-path-style").click();
        screenshot("integration-new-form");
        testId("integration-form-submit").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=integration-form-dialog]")));

        card(name).findElement(By.cssSelector("[data-testid=integration-check]")).click();
        List<WebElement> lines = checkLines(name);
        assertThat(lines).extracting(l -> l.getAttribute("data-permission")).containsExactly("s3:PutObject",
                "s3:GetObject", "s3:ListBucket", "s3:GetObjectTagging", "s3:PutObjectTagging");
        assertThat(lines).allSatisfy(l -> assertThat(l.getAttribute("data-status")).isEqualTo("OK"));
        screenshot("integration-checked");

        card(name).findElement(By.cssSelector("[data-testid=integration-activate]")).click();
        wait.until(d -> !card(name).findElements(By.cssSelector("[data-testid=integration-active]")).isEmpty());
        assertThat(testId("integrations-status").getText()).contains("is now the active integration");
        screenshot("integration-active");

        card(name).findElement(By.cssSelector("[data-testid=integration-deactivate]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=integration-deactivate-warning]")));
        assertThat(testId("integration-deactivate-warning").getText())
                .contains("sessions in access groups that enforce recording are refused");
        screenshot("integration-deactivate-warning");
        testId("integration-deactivate-confirm").click();
        wait.until(d -> !card(name).findElements(By.cssSelector("[data-testid=integration-inactive]")).isEmpty());

        card(name).findElement(By.cssSelector("[data-testid=integration-edit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("integration-secret")));
        assertThat(browser.findElement(By.id("integration-secret")).getAttribute("value")).isEmpty();
        type("integration-secret", "a-broken-secret");
        testId("integration-form-submit").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=integration-form-dialog]")));
        card(name).findElement(By.cssSelector("[data-testid=integration-check]")).click();
        wait.until(d -> !card(name).findElements(By.cssSelector("[data-testid=integration-check-failed]")).isEmpty());

        for (WebElement line : checkLines(name)) {
            String permission = line.getAttribute("data-permission");
            if (permission.equals("s3:PutObject") || permission.equals("s3:GetObject")) {
                assertThat(line.getAttribute("data-status")).as(permission).isEqualTo("FAILED");
                assertThat(line.getText()).contains("SignatureDoesNotMatch")
                        .contains("secret access key does not belong to this access key id");
            }
        }
        assertThat(card(name).findElement(By.cssSelector("[data-testid=integration-activate]"))
                .getAttribute("aria-disabled")).isEqualTo("true");
        assertThat(browser.getPageSource()).doesNotContain(SECRET);
        screenshot("integration-broken-secret");
    }

    private List<WebElement> checkLines(String name) {
        wait.until(d -> card(name).findElements(By.cssSelector("[data-testid=check-line]")).size() == 5);
        return card(name).findElements(By.cssSelector("[data-testid=check-line]"));
    }

    private WebElement card(String name) {
        return browser.findElement(By.cssSelector("[data-integration-name='" + name + "']"));
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void signIn() {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-username]")));
        testId("login-username").sendKeys("admin");
        testId("login-password").sendKeys(ADMIN_PASSWORD);
        testId("login-submit").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav-integrations]")));
    }

    private WebElement testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid=" + id + "]"));
    }

    /** Keeps what the user saw, for review of the UI; target/ is never committed. */
    private void screenshot(String name) throws Exception {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
