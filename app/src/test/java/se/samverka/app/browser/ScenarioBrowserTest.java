package se.samverka.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.samverka.app.support.BrowserServiceTest;
import se.samverka.app.support.Chromium;

/**
 * A sealed scenario dot vote in real browsers (Debian's headless Chromium): the facilitator
 * opens it on the laptop, a participant places dots with the steppers on a 360 px phone, and
 * after the reveal the facilitator's comparison view shows the tallies beside the ratings.
 */
class ScenarioBrowserTest extends BrowserServiceTest {
    private static Map<String, Object> scenario(String name, List<String> capabilities, long cost, String kind,
                                                int months, String priority) {
        return Map.of("name", name, "description", "", "capabilityIds", capabilities, "costSek", cost,
                "costKind", kind, "durationMonths", months, "priority", priority);
    }

    @Test
    void givenASealedDotVote_whenAParticipantPlacesDotsOnAPhone_thenTheComparisonShowsTheTalliesOnlyAfterReveal()
            throws Exception {
        WebDriver laptop = browser("facilitator", 1280, 900);
        logIn(laptop);
        String code = createWorkshop(laptop, "Scenarier Fyrbodal");
        String workshopId = workshopIdShown(laptop);
        waitUntilLive(laptop, "dashboard live");

        String base = "/api/v1/workshops/" + workshopId;
        api.send("PUT", base + "/scenarios/soc", facilitator,
                scenario("Gemensam SOC", List.of("set-goals"), 2_500_000, "ONE_OFF", 12, "HIGH")).require(200);
        api.send("PUT", base + "/scenarios/competence", facilitator,
                scenario("Gemensam kompetensutveckling", List.of("set-goals"), 400_000, "PER_YEAR", 24, "MEDIUM"))
                .require(200);
        String bo = api.join(code, "Bo", "Tanum").get("token").asText();
        api.rate(bo, workshopId, "set-goals", 2).require(200);

        waitFor(laptop, "the scenarios arrive live", d ->
                !d.findElements(By.cssSelector("[data-testid='scenario-competence']")).isEmpty());
        assertThat(byTestId(laptop, "scenario-soc").getText()).contains("2,5 mnkr").contains("1 år").contains("hög");
        click(laptop, "scenario-vote-open");
        waitFor(laptop, "the vote is open", d -> "open".equals(attribute(d, "scenario-vote-state", "data-state")));

        WebDriver phone = browser("participant", 360, 740);
        join(phone, code, "Anna", "Uddevalla");
        waitFor(phone, "the ballot", d -> "open".equals(attribute(d, "ballot-panel", "data-state")));
        assertThat(attribute(phone, "dots-remaining", "data-remaining")).isEqualTo("3");
        click(phone, "dots-plus-soc");
        click(phone, "dots-plus-soc");
        click(phone, "dots-plus-competence");
        waitFor(phone, "every dot placed", d -> "0".equals(attribute(d, "dots-remaining", "data-remaining")));
        assertThat(byTestId(phone, "dots-plus-soc").isEnabled()).as("no more dots than allowed").isFalse();
        click(phone, "dots-plus-soc");
        assertThat(attribute(phone, "dots-count-soc", "data-count")).isEqualTo("2");
        click(phone, "ballot-send");
        waitFor(phone, "the ballot is kept", d -> "true".equals(attribute(d, "ballot-kept", "data-kept")));
        assertThat(byTestId(phone, "ballot-sealed-note").isDisplayed()).isTrue();
        assertThat(Chromium.overflowing(phone)).as("the phone page does not scroll sideways at 360 px").isEmpty();
        screenshot(phone, "scenario-ballot-phone");

        waitFor(laptop, "one has voted", d -> "1".equals(attribute(d, "scenario-voter-count", "data-count")));
        assertThat(attribute(laptop, "scenario-compare-soc", "data-dots")).as("sealed: no tally yet").isEmpty();
        assertThat(laptop.findElements(By.cssSelector("[data-testid='scenario-sealed-note']"))).isNotEmpty();
        click(laptop, "scenario-vote-close");
        waitFor(laptop, "the vote is closed", d -> "closed".equals(attribute(d, "scenario-vote-state", "data-state")));
        click(laptop, "scenario-vote-reveal");
        waitFor(laptop, "the tallies after the reveal", d ->
                "2".equals(attribute(d, "scenario-compare-soc", "data-dots"))
                        && "1".equals(attribute(d, "scenario-compare-competence", "data-dots")));
        assertThat(attribute(laptop, "scenario-compare-soc", "data-place")).isEqualTo("1");
        waitFor(laptop, "the strengthened capability with its current rating", d -> !d.findElements(By.cssSelector(
                "[data-testid='scenario-compare-soc'] li[data-capability='set-goals'][data-mean='2']")).isEmpty());
        screenshot(laptop, "scenario-comparison");

        phone.navigate().refresh();
        waitFor(phone, "the kept ballot after a reload", d ->
                "true".equals(attribute(d, "ballot-kept", "data-kept")));
        waitFor(phone, "the result on the phone too", d ->
                "2".equals(attribute(d, "scenario-compare-soc", "data-dots")));

        // A second vote, by ranking: the phone moves a scenario up with a real button.
        new Select(byTestId(laptop, "scenario-vote-method")).selectByValue("RANK");
        click(laptop, "scenario-vote-open");
        waitFor(phone, "the ranking ballot arrives live", d ->
                "open".equals(attribute(d, "ballot-panel", "data-state"))
                        && !d.findElements(By.cssSelector("[data-testid='rank-up-competence']")).isEmpty());
        click(phone, "rank-up-competence");
        waitFor(phone, "moved up", d -> "1".equals(attribute(d, "rank-competence", "data-place")));
        click(phone, "ballot-send");
        waitFor(laptop, "one has ranked", d -> "open".equals(attribute(d, "scenario-vote-state", "data-state"))
                && "1".equals(attribute(d, "scenario-voter-count", "data-count")));
        click(laptop, "scenario-vote-close");
        waitFor(laptop, "closed", d -> "closed".equals(attribute(d, "scenario-vote-state", "data-state")));
        click(laptop, "scenario-vote-reveal");
        waitFor(laptop, "the ranking's points", d ->
                "1".equals(attribute(d, "scenario-compare-competence", "data-points"))
                        && "1".equals(attribute(d, "scenario-compare-competence", "data-place"))
                        && "2".equals(attribute(d, "scenario-compare-soc", "data-place")));

        // A scenario defined with the form: Swedish decimal, a unit, a capability from the model.
        byTestId(laptop, "scenario-name").sendKeys("Gemensam e-arkivering");
        byTestId(laptop, "scenario-cost").sendKeys("1,2");
        new Select(byTestId(laptop, "scenario-cost-kind")).selectByValue("PER_YEAR");
        WebElement months = byTestId(laptop, "scenario-duration");
        months.clear();
        months.sendKeys("18");
        new Select(byTestId(laptop, "scenario-priority")).selectByValue("LOW");
        click(laptop, "scenario-cap-set-goals");
        click(laptop, "scenario-save");
        waitFor(laptop, "the new scenario is listed", d ->
                !d.findElements(By.cssSelector("[data-testid='scenario-gemensam-e-arkivering']")).isEmpty());
        assertThat(byTestId(laptop, "scenario-gemensam-e-arkivering").getText())
                .contains("1,2 mnkr/år").contains("18 mån").contains("låg");

        // The facilitator's scenario panel also fits a 360 px screen.
        laptop.manage().window().setSize(new Dimension(360, 740));
        try {
            waitFor(laptop, "the dashboard does not scroll sideways at 360 px",
                    d -> Chromium.overflowing(d).isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("the dashboard scrolls sideways at 360 px: " + Chromium.overflowing(laptop), e);
        }
        WebElement compare = byTestId(laptop, "scenario-compare-soc");
        ((JavascriptExecutor) laptop).executeScript("arguments[0].scrollIntoView({block: 'start'});", compare);
        screenshot(laptop, "scenario-comparison-360");
    }
}
