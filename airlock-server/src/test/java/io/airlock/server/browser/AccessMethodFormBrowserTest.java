package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.asset.AssetRepository;
import io.airlock.server.asset.CredentialKind;
import io.airlock.server.connector.TelnetPrompts;
import io.airlock.server.support.Browser;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** Access Management → Assets: the access method form's character set, Telnet prompts and credential choices. */
@Tag("browser")
class AccessMethodFormBrowserTest extends GatewayTest {

    @Autowired
    AssetRepository assets;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void adminSetsUpTelnetEquipmentWithCp437CustomPromptsAndCredentialsAskedAtSignIn() throws Exception {
        String assetName = uniqueName("Legacy switch");
        var admin = signedInAdmin();
        admin.post("/api/assets", Json.object("name", assetName, "host", "10.0.0.5"));
        signIn();
        testId("nav-assets").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='method-add-" + assetName
                + "']")));

        testId("method-add-" + assetName).click();
        new Select(byId("method-protocol")).selectByValue("TELNET");
        wait.until(d -> new Select(byId("method-charset")).getOptions().size() > 5);
        new Select(byId("method-charset")).selectByValue("IBM437");
        type("method-username", "operator");
        byId("method-credential-ask_user").click();
        WebElement prompts = testId("method-telnet-prompts");
        assertThat(prompts.getAttribute("open")).as("folded by default").isNull();
        screenshot("method-form-telnet-folded");
        prompts.findElement(By.tagName("summary")).click();
        assertThat(byId("method-telnet-password-prompt").getAttribute("placeholder"))
                .isEqualTo(TelnetPrompts.DEFAULTS.password());
        type("method-telnet-username-prompt", "Operator ID:\\s*$");
        type("method-telnet-failure-prompt", "(unclosed");
        screenshot("method-form-telnet");
        testId("method-submit").click();

        wait.until(d -> !byId("method-telnet-failure-prompt-error").getText().isBlank());
        assertThat(byId("method-telnet-failure-prompt-error").getText()).contains("regular expression");
        // React keeps its own copy of the value: erase it as a user would.
        byId("method-telnet-failure-prompt").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        testId("method-submit").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=method-dialog]")));

        var row = browser.findElement(By.cssSelector("[data-testid='asset-methods-" + assetName + "'] tbody tr"));
        assertThat(row.getText()).contains("IBM437").contains("Asked at sign-in").contains("operator");
        screenshot("method-table-telnet");
        long methodId = Long.parseLong(row.getAttribute("data-testid").replace("method-row-", ""));
        var stored = assets.findMethod(methodId).orElseThrow();
        assertThat(stored.credentialKind()).isEqualTo(CredentialKind.ASK_USER);
        assertThat(stored.charset().name()).isEqualTo("IBM437");
        assertThat(stored.terminal().usernamePrompt()).isEqualTo("Operator ID:\\s*$");
        assertThat(stored.terminal().failurePrompt()).isNull();

        testId("method-edit-" + methodId).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("method-charset")));
        assertThat(new Select(byId("method-charset")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("IBM437");
        assertThat(byId("method-credential-ask_user").isSelected()).isTrue();
        byId("method-credential-password").click();
        type("method-password", "typed-into-the-form");
        testId("method-submit").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=method-dialog]")));
        assertThat(assets.findMethod(methodId).orElseThrow().credentialKind()).isEqualTo(CredentialKind.PASSWORD);
        assertThat(browser.getPageSource()).doesNotContain("typed-into-the-form");
    }

    private void signIn() {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-username]")));
        testId("login-username").sendKeys("admin");
        testId("login-password").sendKeys(ADMIN_PASSWORD);
        testId("login-submit").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav-assets]")));
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private WebElement testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    /** Keeps what the user saw, for review of the UI; target/ is never committed. */
    private void screenshot(String name) throws Exception {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
