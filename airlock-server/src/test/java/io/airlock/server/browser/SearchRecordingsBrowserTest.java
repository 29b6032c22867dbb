package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Json;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * Search Recordings in real Chromium: an operator types a word in a recorded SSH session on the real peer;
 * once the recording is stored, an admin finds it from Access Management with the keyboard alone, sees the
 * line with the word marked, and the match opens the player at the moment it showed. A User has no such
 * page.
 */
@Tag("peers")
class SearchRecordingsBrowserTest extends BrowserGatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final Duration STORED_WITHIN = Duration.ofSeconds(60);

    @Test
    void anAdminFindsAWordTypedInARecordedSessionAndOpensThePlayerAtItsMoment() throws Exception {
        GatewayClient api = signedInAdmin();
        var setup = EquipmentSetup.ssh(api, port, PEERS, uniqueName("beacon"), true);
        openSessionWindowAs(setup);
        page.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=session-status]"), "Connected"));
        page.typeAndAwait("echo beacon-$((6*7))\n", "beacon-42");
        page.typeInTerminal("exit\n");
        page.awaitTestId("session-ended");
        JsonNode match = awaitIndexed(api, "beacon 42");

        // The operator's own account has no search.
        assertThat(page.browser.findElements(By.cssSelector("[data-testid=nav-search]"))).isEmpty();
        page.open("/access/search?q=beacon");
        page.awaitTestId("forbidden");
        assertThat(page.browser.findElements(By.cssSelector("[data-testid=search-query]"))).isEmpty();

        try (var admin = new GatewayPage(port, Duration.ofSeconds(30))) {
            admin.viewport(1280, 720);
            admin.signIn("admin", ADMIN_PASSWORD);
            admin.awaitTestId("nav-search").sendKeys(Keys.ENTER);
            WebElement query = admin.awaitTestId("search-query");
            admin.awaitTestId("search-start");
            admin.screenshot("search-start");

            query.sendKeys("b" + Keys.ENTER);
            assertThat(admin.awaitTestId("search-query-error").getText()).contains("2 to 200 characters");
            assertThat(query.getAttribute("aria-invalid")).isEqualTo("true");

            query.sendKeys(Keys.BACK_SPACE, "nothing-recorded-zq" + Keys.ENTER);
            admin.awaitTestId("search-empty");

            query.clear();
            query.sendKeys("BEACON 42" + Keys.ENTER);
            admin.awaitTestId("search-results");
            assertThat(admin.testId("search-count").getText()).isEqualTo("1 line found");
            WebElement row = admin.browser.findElement(By.cssSelector("[data-testid=search-table] tbody tr"));
            assertThat(row.getText()).contains(setup.username()).contains(setup.assetName()).contains("beacon-42");
            assertThat(row.findElements(By.tagName("mark"))).extracting(WebElement::getText)
                    .containsExactly("beacon", "42");
            admin.screenshot("search-results");

            long id = match.get("sessionId").asLong();
            long second = (long) Math.floor(match.get("offsetSeconds").asDouble());
            WebElement open = row.findElement(By.cssSelector("a[href^='/sessions/" + id + "/recording']"));
            assertThat(open.getAttribute("href")).endsWith("/sessions/" + id + "/recording?t=" + second);
            open.sendKeys(Keys.ENTER);
            admin.wait.until(ExpectedConditions.urlContains("/sessions/" + id + "/recording?t=" + second));
        }
    }

    /** The recording reaches the bucket and its index some seconds after the session ends. */
    private static JsonNode awaitIndexed(GatewayClient api, String query) throws InterruptedException {
        long deadline = System.nanoTime() + STORED_WITHIN.toNanos();
        while (true) {
            var reply = api.get("/api/recordings/search?q=" + query.replace(' ', '+'));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode items = Json.parse(reply.body()).get("items");
            if (!items.isEmpty() || System.nanoTime() > deadline) {
                assertThat(items).as("the recorded word is found").hasSize(1);
                return items.get(0);
            }
            Thread.sleep(250);
        }
    }
}
