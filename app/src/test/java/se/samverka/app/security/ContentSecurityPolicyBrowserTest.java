package se.samverka.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import se.samverka.app.support.BrowserServiceTest;

/**
 * The built web client under its content security policy in headless Chromium: the facilitator
 * logs in, creates a workshop, the dashboard goes live over the WebSocket and draws the votes,
 * and the browser reports no policy violation.
 */
class ContentSecurityPolicyBrowserTest extends BrowserServiceTest {
    ContentSecurityPolicyBrowserTest() {
        super(Duration.ofSeconds(30));
    }

    @Test
    void givenPolicy_whenFacilitatorRunsDashboard_thenNoViolationsAndLive() throws Exception {
        // The browser's console is where Chromium reports what the policy refused.
        WebDriver browser = browser("p", 1280, 900,
                options -> options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")));
        logIn(browser);
        String code = createWorkshop(browser, "CSP");
        waitUntilLive(browser, "dashboard live");
        String participant = api.join(code, "Anna", "Färgelanda").get("token").asText();
        api.rate(participant, workshopIdShown(browser), "set-goals", 4).require(200);
        waitFor(browser, "the participant pushed live", d ->
                byTestId(d, "participant-count").getText().strip().equals("1"));

        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertThat(violations).isEmpty();
    }
}
