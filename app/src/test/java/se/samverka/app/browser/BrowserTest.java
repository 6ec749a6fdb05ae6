package se.samverka.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import se.samverka.app.support.BrowserServiceTest;

/**
 * Two real browsers (Debian's Chromium, headless, driven by Debian's chromedriver; nothing is
 * downloaded): a facilitator on a laptop creates a workshop, a participant on a phone-sized
 * screen joins with the code and rates, and the facilitator's dashboard changes without a reload.
 */
class BrowserTest extends BrowserServiceTest {
    @Test
    void givenFacilitatorDashboard_whenParticipantRatesOnPhone_thenDashboardChangesWithoutReload() throws Exception {
        WebDriver laptop = browser("facilitator", 1280, 900);
        logIn(laptop);
        String code = createWorkshop(laptop, "Förmågekartläggning Fyrbodal");
        waitUntilLive(laptop, "dashboard live");
        assertThat(byTestId(laptop, "cap-set-goals").getDomAttribute("data-count")).isEqualTo("0");
        // A marker that a reload would wipe out: the change must arrive live.
        markAgainstReload(laptop);

        WebDriver phone = browser("participant", 390, 844);
        join(phone, code, "Anna", "Uddevalla");
        waitUntilLive(phone, "rating page live");
        click(phone, "rate-set-goals-4");
        waitFor(phone, "rating saved", d ->
                "saved".equals(byTestId(d, "rated-set-goals").getDomAttribute("data-state")));
        screenshot(phone, "participant-phone");

        waitFor(laptop, "dashboard shows the rating", d ->
                "1".equals(byTestId(d, "cap-set-goals").getDomAttribute("data-count"))
                        && "4".equals(byTestId(d, "cap-set-goals").getDomAttribute("data-mean")));
        waitFor(laptop, "participant count", d -> byTestId(d, "participant-count").getText().strip().equals("1"));
        assertThat(notReloaded(laptop))
                .as("the dashboard was not reloaded").isEqualTo(true);
        screenshot(laptop, "facilitator-dashboard");

        // The phone keeps its rating across a reload of the page.
        phone.navigate().refresh();
        waitFor(phone, "kept rating", d ->
                "saved".equals(byTestId(d, "rated-set-goals").getDomAttribute("data-state"))
                        && byTestId(d, "rate-set-goals-4").isSelected());
    }
}
