package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Administration screens as an administrator on a laptop sees them, in real Chromium. */
class AdminScreensBrowserTest extends BrowserGatewayTest {

    @Test
    void accessGroupDialogKeepsCancelAndSaveInViewOnA1440x760Screen() throws Exception {
        for (int i = 0; i < 8; i++) {
            newSignedInUser(uniqueName("member"), "USER");
        }
        page.viewport(1440, 760);
        page.signIn("admin", ADMIN_PASSWORD);
        page.open("/access/groups");
        page.awaitTestId("groups-new");
        page.wait.until(d -> page.testId("groups-new").isEnabled());
        page.testId("groups-new").click();
        page.awaitTestId("group-dialog");

        Map<String, Object> dialog = rect("[data-testid=group-dialog]");
        assertThat(number(dialog, "scrollHeight")).as("the form is taller than the dialog, so it scrolls")
                .isGreaterThan(number(dialog, "clientHeight"));
        for (String button : List.of("[data-testid=group-submit]", "[data-testid=group-dialog] .form-actions "
                + ".button-secondary")) {
            Map<String, Object> r = rect(button);
            assertThat(number(r, "top")).as(button + " top").isGreaterThanOrEqualTo(0);
            assertThat(number(r, "bottom")).as(button + " bottom").isLessThanOrEqualTo(760);
            assertThat(r.get("onTop")).as(button + " is what a click there reaches").isEqualTo(true);
        }
        page.screenshot("group-dialog-1440x760");

        // Still there after scrolling the form to its middle.
        page.browser.executeScript("const d = document.querySelector('[data-testid=group-dialog]');"
                + "d.scrollTop = d.scrollHeight / 2;");
        assertThat(rect("[data-testid=group-submit]").get("onTop")).isEqualTo(true);
        page.screenshot("group-dialog-1440x760-scrolled");
    }

    @Test
    void checkOfTheEmbeddedStoreNamesRequiredAndOptionalPermissionsAndKeepsTheEndpointWhole() throws Exception {
        page.viewport(1024, 900);
        page.signIn("admin", ADMIN_PASSWORD);
        page.open("/admin/integrations");
        WebElement card = page.wait.until(d -> d.findElements(By.cssSelector("[data-integration-name]")).stream()
                .filter(c -> c.getText().contains("Embedded (local)")).findFirst().orElse(null));
        card.findElement(By.cssSelector("[data-testid=integration-check]")).click();
        page.wait.until(d -> card.findElements(By.cssSelector("[data-testid=check-line]")).size() == 5);

        assertThat(card.findElement(By.cssSelector("[data-testid=integration-check-passed]")).isDisplayed()).isTrue();
        for (WebElement line : card.findElements(By.cssSelector("[data-testid=check-line]"))) {
            boolean tagging = line.getDomAttribute("data-permission").endsWith("ObjectTagging");
            assertThat(line.getText().contains("optional")).as(line.getText()).isEqualTo(tagging);
        }
        String note = card.findElement(By.cssSelector("[data-testid=integration-check-permissions]")).getText();
        assertThat(note).contains("Required: s3:PutObject, s3:GetObject and s3:ListBucket.")
                .contains("s3:PutObjectTagging").contains("s3:GetObjectTagging").contains("s3:AbortMultipartUpload")
                .contains("Never s3:DeleteObject");
        assertThat(page.browser.executeScript("return arguments[0].scrollWidth <= arguments[0].clientWidth;", card))
                .as("nothing sticks out of the card").isEqualTo(true);
        page.browser.executeScript("arguments[0].scrollIntoView({block: 'end'});",
                card.findElement(By.cssSelector("[data-testid=integration-check-permissions]")));
        page.screenshot("integration-embedded-checked");

        // On a narrow screen the endpoint may wrap between its parts, never inside an address or a port.
        page.viewport(360, 900);
        Object broken = page.browser.executeScript("""
                return [...document.querySelectorAll('[data-testid=integration-endpoint] .endpoint-piece')]
                  .filter(p => p.getClientRects().length > 1).map(p => p.textContent);""");
        assertThat((List<?>) broken).as("endpoint pieces split across lines").isEmpty();
        page.screenshot("integration-embedded-narrow");
    }

    /** The element's box, its scroll sizes, and whether it is the topmost element at its centre. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> rect(String selector) {
        return (Map<String, Object>) page.browser.executeScript("""
                const e = document.querySelector(arguments[0]); const r = e.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return { top: r.top, bottom: r.bottom, scrollHeight: e.scrollHeight, clientHeight: e.clientHeight,
                         onTop: hit !== null && (hit === e || e.contains(hit)) };""", selector);
    }

    private static double number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }
}
