package se.samverka.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.BrowserServiceTest;

/**
 * A sealed rating round in real browsers (Debian's Chromium, headless): participants from three
 * municipalities rate — one on a phone-sized screen through the real UI, two through the API to
 * spare the machine — while the facilitator's dashboard, the fourth screen, shows the voter count
 * rising but no values. After close and reveal the heatmap (organisations × capabilities) and the
 * common strengths and weaknesses appear there live, without a reload.
 */
class WorkshopResultsBrowserTest extends BrowserServiceTest {
    static final String STRONG = "set-goals";
    static final String WEAK = "understand-priorities";

    WorkshopResultsBrowserTest() {
        super(Duration.ofSeconds(30));
    }

    @Test
    void givenSealedRound_whenThreeMunicipalitiesRate_thenFourthScreenShowsOnlyCountsUntilRevealThenHeatmapLive()
            throws Exception {
        // The fourth screen: the facilitator's dashboard on a laptop.
        WebDriver laptop = browser("facilitator", 1280, 900);
        logIn(laptop);
        String code = createWorkshop(laptop, "Förmågekartläggning Fyrbodal, runda");
        waitUntilLive(laptop, "dashboard live");

        // Anna from Uddevalla joins on a phone; Tanum and Trollhättan join through the API.
        WebDriver phone = browser("uddevalla", 360, 800);
        join(phone, code, "Anna", "Uddevalla");
        waitUntilLive(phone, "rating page live");
        waitFor(phone, "free rating shown", d -> "free".equals(attributeIfPresent(d, "rate-phase", "data-phase")));
        JsonNode tanum = api.join(code, "Tove", "Tanum");
        JsonNode trollhattan = api.join(code, "Tariq", "Trollhättan");
        String workshopId = tanum.get("workshopId").asText();
        waitFor(laptop, "three participants", d -> byTestId(d, "participant-count").getText().strip().equals("3"));

        // The facilitator opens a sealed round over "set goals" and its sub-capabilities.
        markAgainstReload(laptop);
        new Select(byTestId(laptop, "round-scope-kind")).selectByValue("SUBTREE");
        new Select(byTestId(laptop, "round-scope-target")).selectByValue(STRONG);
        assertThat(byTestId(laptop, "round-sealed").isSelected()).as("sealed is the default").isTrue();
        click(laptop, "open-round");
        waitFor(laptop, "round open", d -> "open".equals(attributeIfPresent(d, "current-round", "data-state")));
        assertThat(attributeIfPresent(laptop, "voter-count", "data-count")).isEqualTo("0");

        // The phone follows into the round live: only the round's capabilities, sealed, no aggregates.
        waitFor(phone, "round open on the phone", d -> "open".equals(attributeIfPresent(d, "rate-phase", "data-phase")));
        assertThat(present(phone, "round-sealed-note")).isTrue();
        assertThat(present(phone, "rate-develop-department-3")).as("outside the round").isFalse();
        click(phone, "rate-" + STRONG + "-4");
        waitFor(phone, "rating saved", d -> "saved".equals(attributeIfPresent(d, "rated-" + STRONG, "data-state")));
        click(phone, "rate-" + WEAK + "-2");
        waitFor(phone, "second rating saved", d -> "saved".equals(attributeIfPresent(d, "rated-" + WEAK, "data-state")));
        assertThat(phone.findElements(By.cssSelector(".aggregate"))).as("a sealed round shows no aggregates")
                .isEmpty();
        screenshot(phone, "round-participant-phone");

        waitFor(laptop, "one has voted", d -> "1".equals(attributeIfPresent(d, "voter-count", "data-count")));
        waitFor(laptop, "Anna listed as voted", d -> byTestId(d, "voted-names").getText().contains("Anna"));
        waitFor(phone, "the phone sees one voter", d -> "1".equals(attributeIfPresent(d, "voter-count", "data-count")));

        rate(api, tanum, workshopId, STRONG, 4);
        rate(api, tanum, workshopId, WEAK, 1);
        waitFor(laptop, "two have voted", d -> "2".equals(attributeIfPresent(d, "voter-count", "data-count")));
        rate(api, trollhattan, workshopId, STRONG, 5);
        rate(api, trollhattan, workshopId, WEAK, 2);
        waitFor(laptop, "three have voted", d -> "3".equals(attributeIfPresent(d, "voter-count", "data-count")));

        // Sealed: the fourth screen shows counts and nothing else.
        assertThat(present(laptop, "round-sealed-note")).isTrue();
        assertThat(present(laptop, "round-results")).isFalse();
        assertThat(attributeIfPresent(laptop, "results", "data-rating-count")).isEqualTo("0");
        assertThat(present(laptop, "heat-Uddevalla-" + STRONG)).isFalse();
        assertThat(present(laptop, "strength-" + STRONG)).isFalse();
        assertThat(present(laptop, "weakness-" + WEAK)).isFalse();
        screenshot(laptop, "round-sealed-dashboard");

        click(laptop, "close-round");
        waitFor(laptop, "round closed", d -> "closed".equals(attributeIfPresent(d, "current-round", "data-state")));
        waitFor(phone, "the phone waits for the facilitator",
                d -> "waiting".equals(attributeIfPresent(d, "rate-phase", "data-phase")));
        assertThat(present(laptop, "heat-Uddevalla-" + STRONG)).as("closed is still sealed").isFalse();
        click(laptop, "reveal-round");

        // Revealed: heatmap and strengths and weaknesses arrive live on the fourth screen.
        waitFor(laptop, "round revealed", d -> "revealed".equals(attributeIfPresent(d, "current-round", "data-state")));
        waitFor(laptop, "heatmap cells", d ->
                "4".equals(attributeIfPresent(d, "heat-Uddevalla-" + STRONG, "data-mean"))
                        && "4".equals(attributeIfPresent(d, "heat-Tanum-" + STRONG, "data-mean"))
                        && "5".equals(attributeIfPresent(d, "heat-Trollhättan-" + STRONG, "data-mean"))
                        && "1".equals(attributeIfPresent(d, "heat-Tanum-" + WEAK, "data-mean")));
        waitFor(laptop, "a common strength", d -> present(d, "strength-" + STRONG));
        waitFor(laptop, "a common weakness", d -> present(d, "weakness-" + WEAK));
        WebElement heatmap = byTestId(laptop, "heatmap");
        assertThat(heatmap.getTagName()).isEqualTo("table");
        assertThat(heatmap.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList())
                .contains("Tanum", "Trollhättan", "Uddevalla");
        assertThat(attributeIfPresent(laptop, "heat-Uddevalla-" + STRONG, "data-count")).isEqualTo("1");
        assertThat(byTestId(laptop, "round-result-" + STRONG).getDomAttribute("data-count")).isEqualTo("3");
        assertThat(notReloaded(laptop))
                .as("the dashboard was not reloaded").isEqualTo(true);
        screenshot(laptop, "round-revealed-dashboard");

        waitFor(phone, "the phone hears of the reveal",
                d -> "revealed".equals(attributeIfPresent(d, "rate-phase", "data-round-state")));
        screenshot(phone, "round-revealed-phone");
    }

    private static void rate(ApiClient api, JsonNode participant, String workshopId, String capabilityId, int score) {
        api.send("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/" + capabilityId + "/rating",
                participant.get("token").asText(), Map.of("score", score)).require(200);
    }
}
