package se.samverka.app.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import se.samverka.app.support.BrowserServiceTest;

/**
 * A respondent in a real browser (Debian's headless Chromium) answers through their link,
 * saves a draft, leaves, comes back to find it, and submits; the facilitator's response-rate
 * board in a second browser turns the cell to submitted without a reload.
 */
class SurveyBrowserTest extends BrowserServiceTest {
    static final Path AXE = Path.of("..", "web-client", "node_modules", "axe-core", "axe.min.js");

    /** axe-core's WCAG 2.1 A/AA violations of the screen now shown (axe from the web client's node_modules). */
    @SuppressWarnings("unchecked")
    private static List<String> wcagViolations(WebDriver driver) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("if (!window.axe) { (0, eval)(arguments[0]); }", Files.readString(AXE, StandardCharsets.UTF_8));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },"
                        + " resultTypes: ['violations'] })"
                        + ".then(r => done(r.violations.map(v => ({ id: v.id, nodes: v.nodes.slice(0, 3)"
                        + ".map(n => n.target.join(' ')) }))))"
                        + ".catch(e => done([{ id: 'axe-error: ' + e, nodes: [] }]));");
        return violations.stream().map(v -> v.get("id") + " " + v.get("nodes")).toList();
    }

    @Test
    void givenAnOpenSurvey_whenARespondentAnswersLeavesComesBackAndSubmits_thenTheAnswersAreKeptAndTheBoardShowsIt()
            throws Exception {
        SurveyApi surveys = new SurveyApi(api);
        String project = api.createWorkshop(facilitator, "Nulägesanalys").get("projectId").asText();
        String survey = surveys.createFromTemplate(facilitator, project);
        surveys.command(facilitator, project, survey, "open").require(200);
        String link = SurveyApi.linkFor(surveys.links(facilitator, project, survey), "bengtsfors", "it-chef");

        WebDriver laptop = browser("facilitator", 1280, 900);
        logIn(laptop);
        waitFor(laptop, "logged in", d -> d.getCurrentUrl().contains("#/facilitator"));
        laptop.get(samverka.baseUrl() + "/#/p/" + project + "/surveys/" + survey);
        waitUntilLive(laptop, "the board is live");
        assertThat(byTestId(laptop, "board-bengtsfors-it-chef").getAttribute("data-state")).isEqualTo("none");
        assertThat(wcagViolations(laptop)).as("the facilitator's survey page").isEmpty();

        WebDriver phone = browser("respondent", 412, 915);
        String page = samverka.baseUrl() + "/#/answer/" + link;
        phone.get(page);
        waitFor(phone, "the respondent is named", d -> byTestId(d, "respondent").getText().contains("Bengtsfors")
                && byTestId(d, "respondent").getText().contains("IT-chef"));
        assertThat(wcagViolations(phone)).as("the respondent's page").isEmpty();
        clickAsAPerson(phone, byTestId(phone, "answer-Q4-4"));
        byTestId(phone, "answer-Q1").sendKeys("12,5");
        clickAsAPerson(phone, byTestId(phone, "save-draft"));
        waitFor(phone, "the draft is saved", d -> byTestId(d, "answer-state").getText().contains("Utkast sparat"));
        waitFor(laptop, "the board shows a draft", d -> byTestId(d, "board-bengtsfors-it-chef")
                .getAttribute("data-state").equals("draft"));

        // Leave, and come back later through the same link.
        phone.get("about:blank");
        await().atMost(patience).until(() -> !surveys.page(link).require(200).get("draft").isNull());
        phone.get(page);
        waitFor(phone, "the draft is back", d -> "12,5".equals(byTestId(d, "answer-Q1").getAttribute("value")));
        assertThat(byTestId(phone, "answer-Q4-4").isSelected()).isTrue();
        assertThat(byTestId(phone, "answer-state").getText()).contains("Utkast sparat");

        clickAsAPerson(phone, byTestId(phone, "answer-Q2-1"));
        clickAsAPerson(phone, byTestId(phone, "answer-Q3-2"));
        byTestId(phone, "answer-Q6").sendKeys("9 800 000");
        clickAsAPerson(phone, byTestId(phone, "submit-answers"));
        waitFor(phone, "the answers are submitted", d -> byTestId(d, "answer-state").getText().contains("Inskickat"));
        waitFor(laptop, "the board shows it submitted without a reload", d -> byTestId(d, "board-bengtsfors-it-chef")
                .getAttribute("data-state").equals("submitted"));
        waitFor(laptop, "the board counts it", d -> byTestId(d, "board-summary").getText().startsWith("1 av 56"));

        JsonNode results = api.send("GET", "/api/v1/projects/" + project + "/surveys/" + survey + "/results",
                facilitator, (String) null).require(200);
        assertThat(results.get("respondents").asInt()).isEqualTo(1);
        JsonNode mine = surveys.page(link).require(200);
        assertThat(mine.get("submitted")).extracting(a -> a.get("questionId").asText())
                .containsExactly("Q1", "Q2", "Q3", "Q4", "Q6");
        assertThat(mine.get("submitted").get(4).get("number").asText()).isEqualTo("9800000");

        // The capability page shows the linked answers; the environment page is accessible too.
        laptop.get(samverka.baseUrl() + "/#/p/" + project + "/capabilities/understand-needs");
        waitFor(laptop, "the linked question is shown", d -> byTestId(d, "evidence-question-Q4").getText()
                .contains("1 svar"));
        assertThat(wcagViolations(laptop)).as("the capability page").isEmpty();
        laptop.get(samverka.baseUrl() + "/#/p/" + project + "/environment");
        byTestId(laptop, "sources");
        assertThat(wcagViolations(laptop)).as("the environment analysis").isEmpty();
    }
}
