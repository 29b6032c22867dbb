package io.airlock.server.browser;

import io.airlock.server.session.SessionRecord;
import io.airlock.server.session.SessionRecordRepository;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.GatewayTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** A whole gateway and one fresh Chromium per test, looked at through {@link GatewayPage}. */
@Tag("browser")
abstract class BrowserGatewayTest extends GatewayTest {

    protected GatewayPage page;

    @BeforeEach
    void openBrowser() {
        page = new GatewayPage(port, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    /** Signs in as the setup's user and opens its session window. */
    protected void openSessionWindowAs(EquipmentSetup.Setup setup) {
        page.signIn(setup.username(), ownPassword(setup.username()));
        page.openSessionWindow(setup.groupId(), setup.methodId());
    }

    /** Leaves the session window, which ends its session, and returns the session's history row once ended. */
    protected SessionRecord leaveSessionWindowUntilEnded(SessionRecordRepository records) {
        long id = page.leaveSessionWindow();
        page.wait.until(d -> records.find(id).orElseThrow().endedAt() != null);
        return records.find(id).orElseThrow();
    }
}
