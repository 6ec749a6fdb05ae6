package se.samverka.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import se.samverka.app.support.BrowserServiceTest;

/**
 * The record in a real browser (Debian's headless Chromium): the facilitator follows the audit
 * trail live, verifies the chain, and steps the dashboard back through the meeting.
 */
class RecordBrowserTest extends BrowserServiceTest {
    private static int lines(WebDriver driver) {
        return driver.findElements(By.cssSelector("[data-testid='audit-line']")).size();
    }

    @Test
    void givenAMeeting_whenTheFacilitatorOpensTheRecord_thenTheTrailIsLiveTheChainHoldsAndTheDashboardReplays()
            throws Exception {
        WebDriver laptop = browser("facilitator", 1280, 900);
        logIn(laptop);
        String code = createWorkshop(laptop, "Styrgruppsmöte");
        String workshopUrl = laptop.getCurrentUrl();
        String workshopId = workshopIdShown(laptop);
        JsonNode anna = api.join(code, "Anna Öberg", "Uddevalla");
        api.rate(anna.get("token").asText(), workshopId, "set-goals", 2).require(200);
        long beforeChange = api.rate(anna.get("token").asText(), workshopId, "set-goals", 4).require(200)
                .get("version").asLong() - 1;

        click(laptop, "dash-audit");
        waitFor(laptop, "the trail shows the meeting so far", d -> lines(d) == 4);
        waitUntilLive(laptop, "the trail is live");
        markAgainstReload(laptop);
        api.rate(anna.get("token").asText(), workshopId, "develop-department", 5).require(200);
        waitFor(laptop, "the new line arrives live", d -> lines(d) == 5);
        assertThat(laptop.findElements(By.cssSelector("[data-testid='audit-line']")).get(0).getText())
                .contains("Anna Öberg").contains("Utveckla avdelningen");
        assertThat(notReloaded(laptop)).as("the trail was not reloaded").isEqualTo(true);

        click(laptop, "audit-project");
        click(laptop, "verify-chain");
        waitFor(laptop, "the chain holds", d ->
                "true".equals(byTestId(d, "verify-result").getDomAttribute("data-intact")));
        screenshot(laptop, "audit-trail");

        laptop.get(workshopUrl);
        waitUntilLive(laptop, "dashboard live");
        waitFor(laptop, "dashboard shows the mean of 4", d ->
                "4".equals(byTestId(d, "cap-set-goals").getDomAttribute("data-mean")));
        click(laptop, "replay-open");
        WebElement slider = byTestId(laptop, "replay-slider");
        ((JavascriptExecutor) laptop).executeScript("const s = arguments[0];"
                + "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(s, arguments[1]);"
                + "s.dispatchEvent(new Event('input', { bubbles: true }));", slider, String.valueOf(beforeChange));
        waitFor(laptop, "the dashboard as it stood before Anna changed her rating", d ->
                String.valueOf(beforeChange).equals(byTestId(d, "replay-position").getDomAttribute("data-version"))
                        && "2".equals(byTestId(d, "cap-set-goals").getDomAttribute("data-mean")));
        screenshot(laptop, "replay");
        click(laptop, "replay-close");
        waitFor(laptop, "back to live", d -> "4".equals(byTestId(d, "cap-set-goals").getDomAttribute("data-mean")));
    }
}
