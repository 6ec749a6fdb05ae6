package se.samverka.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import se.samverka.app.support.BrowserServiceTest;
import se.samverka.app.support.Chromium;
import se.samverka.app.support.RunningSamverka;

/**
 * Every screen, in a real browser (Debian's Chromium, headless), checked by axe-core (read from the
 * web client's node_modules and injected into the page; nothing is fetched) against WCAG 2.1 A and
 * AA, at four sizes: a phone (360 px), a laptop zoomed to 200 % (640 px), a laptop (1280 px) and a
 * projector (1920×1080). At each
 * size the page must not overflow horizontally, and a screenshot is kept in target/screenshots.
 * All findings are gathered and reported together, so one run shows everything that is wrong.
 */
class AccessibilityBrowserTest extends BrowserServiceTest {
    static final Path AXE = Path.of("..", "web-client", "node_modules", "axe-core", "axe.min.js");
    /** Phone, a 1280×900 laptop zoomed to 200 % (640×450 CSS px), laptop, projector. */
    static final List<Dimension> SIZES = List.of(new Dimension(360, 800), new Dimension(640, 450),
            new Dimension(1280, 900), new Dimension(1920, 1080));
    static final String CAPABILITY = "set-goals";

    static String axeSource;
    private final List<String> findings = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    AccessibilityBrowserTest() {
        super(Duration.ofSeconds(30));
    }

    @BeforeAll
    static void readAxe() throws IOException {
        axeSource = Files.readString(AXE, StandardCharsets.UTF_8);
    }

    /** Without scrollbars, which take width from the page and differ between machines, the overflow check is steady. */
    @Override
    protected ChromeDriver browser(String name, int width, int height) throws IOException {
        return browser(name, width, height, options -> options.addArguments("--hide-scrollbars"));
    }

    /**
     * What overflows once the layout has settled after a resize. A chart's canvas follows the new
     * width a few animation frames later (its library resizes from a ResizeObserver), so right
     * after the window shrank to 360 px it could still be 1,246 px wide (one full run in three).
     * An overflow that lasts the whole bounded wait is reported as before.
     */
    private static List<String> settledOverflow(WebDriver driver) {
        try {
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Chromium.overflowing(driver).isEmpty());
        } catch (ConditionTimeoutException lasting) {
            // Reported below with what overflows.
        }
        return Chromium.overflowing(driver);
    }

    /**
     * Checks the screen now shown at every size: axe-core's WCAG 2.1 A/AA rules, no horizontal
     * overflow, and a screenshot. The browser is put back to its own size afterwards.
     */
    private void check(WebDriver driver, String screen) throws IOException {
        Dimension own = driver.manage().window().getSize();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        for (Dimension size : SIZES) {
            driver.manage().window().setSize(size);
            int width = size.getWidth();
            waitFor(driver, screen + " laid out at " + width, d -> (Boolean) js.executeScript(
                    "return document.readyState === 'complete' && document.documentElement.clientWidth > 0"
                            + " && Math.abs(window.innerWidth - arguments[0]) < 40;", width));
            js.executeScript("if (!window.axe) { (0, eval)(arguments[0]); }", axeSource);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];"
                            + "const landmarks = ['region', 'landmark-one-main', 'landmark-unique', 'landmark-no-duplicate-main',"
                            + " 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo', 'page-has-heading-one'];"
                            + "axe.run(document, { runOnly: { type: 'tag', values: wcag.concat(['best-practice']) },"
                            + " resultTypes: ['violations'] })"
                            + ".then(r => done(r.violations"
                            + ".filter(v => v.tags.some(t => wcag.includes(t)) || landmarks.includes(v.id)).map(v => ({ id: v.id, impact: v.impact, help: v.help,"
                            + " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: '"
                            + " + (n.failureSummary || '').replace(/\\s+/g, ' ')) }))))"
                            + ".catch(e => done([{ id: 'axe-error', impact: 'error', help: String(e), nodes: [] }]));");
            for (Map<String, Object> v : violations) {
                findings.add(screen + " @" + width + "px: " + v.get("id") + " (" + v.get("impact") + ") "
                        + v.get("help") + " " + v.get("nodes"));
            }
            List<String> overflowing = settledOverflow(driver);
            if (!overflowing.isEmpty()) {
                findings.add(screen + " @" + width + "px: overflows horizontally " + overflowing);
            }
            screenshot(driver, "a11y-" + screen + "-" + width);
            checked.add(screen + "@" + width);
        }
        driver.manage().window().setSize(own);
    }

    @Test
    void theCheck_findsAViolationPlantedInThePage() throws Exception {
        WebDriver phone = browser("sanity", 360, 800);
        phone.get(samverka.baseUrl() + "/#/");
        byTestId(phone, "join-code-input");
        ((JavascriptExecutor) phone).executeScript("const b = document.createElement('button');"
                + "b.setAttribute('data-testid', 'planted'); document.querySelector('main').appendChild(b);"
                + "const d = document.createElement('div'); d.style.width = '600px'; d.textContent = 'x';"
                + "document.querySelector('main').appendChild(d);");
        check(phone, "planted");
        assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("planted @360px: button-name"));
        assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("planted @360px: overflows horizontally"));
    }

    @Test
    void everyScreen_atPhoneLaptopAndProjectorSizes_hasNoWcagViolationsAndNoHorizontalOverflow() throws Exception {
        WebDriver phone = browser("participant", 360, 800);
        phone.get(samverka.baseUrl() + "/#/");
        byTestId(phone, "join-code-input");
        check(phone, "start");

        WebDriver laptop = browser("facilitator", 1280, 900);
        laptop.get(samverka.baseUrl() + "/#/login");
        byTestId(laptop, "login-username");
        check(laptop, "login");
        byTestId(laptop, "login-username").sendKeys("admin");
        byTestId(laptop, "login-password").sendKeys(RunningSamverka.ADMIN_PASSWORD);
        byTestId(laptop, "login-submit").click();
        byTestId(laptop, "workshop-title");
        check(laptop, "facilitator-home");
        String code = createWorkshop(laptop, "Förmågekartläggning Fyrbodal");
        String dashboardUrl = laptop.getCurrentUrl();
        String workshopId = workshopIdShown(laptop);
        waitUntilLive(laptop, "dashboard live");
        waitFor(laptop, "the join link as a QR code", d -> attributeIfPresent(d, "join-qr", "data-state") != null
                && "ready".equals(attributeIfPresent(d, "join-qr", "data-state")));
        check(laptop, "dashboard");

        phone.get(samverka.baseUrl() + "/#/join/" + code);
        byTestId(phone, "join-name");
        check(phone, "join");
        byTestId(phone, "join-name").sendKeys("Anna");
        new Select(byTestId(phone, "join-organisation")).selectByVisibleText("Uddevalla");
        byTestId(phone, "join-submit").click();
        waitUntilLive(phone, "rating page live");
        waitFor(phone, "free rating", d -> "free".equals(attributeIfPresent(d, "rate-phase", "data-phase")));
        click(phone, "rate-" + CAPABILITY + "-4");
        waitFor(phone, "rating saved", d -> "saved".equals(attributeIfPresent(d, "rated-" + CAPABILITY, "data-state")));
        check(phone, "rate-free");

        JsonNode tanum = api.join(code, "Tove", "Tanum");
        waitFor(laptop, "two participants", d -> byTestId(d, "participant-count").getText().strip().equals("2"));

        // A sealed round over everything: the round panel, the phone in round mode, then the reveal.
        click(laptop, "open-round");
        waitFor(laptop, "round open", d -> "open".equals(attributeIfPresent(d, "current-round", "data-state")));
        waitFor(phone, "round open on the phone", d -> "open".equals(attributeIfPresent(d, "rate-phase", "data-phase")));
        click(phone, "rate-" + CAPABILITY + "-4");
        waitFor(phone, "round rating saved",
                d -> "saved".equals(attributeIfPresent(d, "rated-" + CAPABILITY, "data-state")));
        check(phone, "rate-round");
        api.send("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/" + CAPABILITY + "/rating",
                tanum.get("token").asText(), Map.of("score", 2)).require(200);
        waitFor(laptop, "two have voted", d -> "2".equals(attributeIfPresent(d, "voter-count", "data-count")));
        check(laptop, "dashboard-round-open");
        click(laptop, "close-round");
        waitFor(laptop, "round closed", d -> "closed".equals(attributeIfPresent(d, "current-round", "data-state")));
        click(laptop, "reveal-round");
        waitFor(laptop, "round revealed", d -> "revealed".equals(attributeIfPresent(d, "current-round", "data-state")));
        waitFor(laptop, "heatmap", d -> attributeIfPresent(d, "heat-Uddevalla-" + CAPABILITY, "data-mean") != null);
        check(laptop, "dashboard-revealed");
        waitFor(phone, "the phone hears of the reveal",
                d -> "revealed".equals(attributeIfPresent(d, "rate-phase", "data-round-state")));
        check(phone, "rate-revealed");

        click(laptop, "results-view-link");
        waitFor(laptop, "projector view", d -> d.getCurrentUrl().contains("/results"));
        byTestId(laptop, "join-qr");
        waitFor(laptop, "projector QR", d -> "ready".equals(attributeIfPresent(d, "join-qr", "data-state")));
        check(laptop, "projector-results");

        laptop.get(dashboardUrl);
        click(laptop, "project-results-link");
        waitFor(laptop, "project results", d -> d.getCurrentUrl().contains("#/p/"));
        byTestId(laptop, "heatmap");
        check(laptop, "project-results");

        laptop.get(dashboardUrl);
        click(laptop, "risks-link");
        byTestId(laptop, "risk-register");
        check(laptop, "risk-register");

        laptop.get(dashboardUrl);
        click(laptop, "compare-link");
        waitFor(laptop, "comparison", d -> d.getCurrentUrl().contains("/compare"));
        byTestId(laptop, "connection-status");
        check(laptop, "compare");

        laptop.get(dashboardUrl);
        click(laptop, "model-link");
        waitFor(laptop, "model editor", d -> d.getCurrentUrl().contains("/model"));
        byTestId(laptop, "connection-status");
        check(laptop, "model-editor");

        laptop.get(dashboardUrl);
        click(laptop, "dash-audit");
        waitFor(laptop, "audit trail", d -> !d.findElements(testId("audit-line")).isEmpty());
        check(laptop, "audit-trail");

        // Asked for less motion, nothing on the dashboard moves.
        ((ChromeDriver) laptop).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        laptop.get(dashboardUrl);
        byTestId(laptop, "heatmap");
        assertThat(((JavascriptExecutor) laptop).executeScript(
                "return window.matchMedia('(prefers-reduced-motion: reduce)').matches;")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<String> moving = (List<String>) ((JavascriptExecutor) laptop).executeScript(
                "const long = v => v.split(',').some(d => parseFloat(d) > 0.001);"
                        + "return [...document.querySelectorAll('*')].filter(e => { const s = getComputedStyle(e);"
                        + "  return long(s.transitionDuration) || (s.animationName !== 'none' && long(s.animationDuration)); })"
                        + ".map(e => e.tagName + '.' + e.className).slice(0, 5);");
        assertThat(moving).as("elements that still move with reduced motion").isEmpty();
        ((ChromeDriver) laptop).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));

        // The same in English: the language switch is remembered and the pages stay accessible.
        laptop.get(dashboardUrl);
        click(laptop, "lang-toggle");
        waitFor(laptop, "English dashboard", d -> "en".equals(((JavascriptExecutor) d)
                .executeScript("return document.documentElement.lang;")));
        byTestId(laptop, "heatmap");
        check(laptop, "dashboard-en");
        click(phone, "lang-toggle");
        waitFor(phone, "English rate page", d -> "en".equals(((JavascriptExecutor) d)
                .executeScript("return document.documentElement.lang;")));
        check(phone, "rate-en");

        Files.write(Path.of("target", "accessibility-findings.txt"), findings, StandardCharsets.UTF_8);
        assertThat(findings).as("accessibility and overflow findings").isEmpty();
        assertThat(checked).as("screens checked").hasSize(18 * SIZES.size());
    }

    /**
     * The steering group's screens (issues 5 and 9) through the same check: the meeting on a
     * laptop, a member's phone and the projector, the records with the Gantt view and the edit
     * forms open (one with a refused date shown), a decision's evidence, and the admin's accounts
     * screen. Along the way it checks what those screens must do: the join offers only the
     * project's organisations, the facilitator gives the steering-group role, the Gantt says its
     * weeks in text across the year, the facts form refuses an end before the start, the evidence
     * shows the status as it stood, and the admin disables an account.
     */
    @Test
    void steeringScreens_atEverySize_haveNoWcagViolations_andDoTheirWork() throws Exception {
        String admin = api.loginAdmin();
        JsonNode workshop = api.createWorkshop(admin, "Styrgruppsmöte");
        String workshopId = workshop.get("id").asText();
        String project = workshop.get("projectId").asText();
        String records = "/api/v1/projects/" + project + "/records";
        api.send("PUT", records + "/facts", admin, Map.of("name", "Förstudie Digital Motor", "totalCostSek", 605000,
                "startDate", "2020-09-25", "endDate", "2021-01-29")).require(200);
        api.send("POST", records + "/plan-versions", admin, Map.of("version", "0.2")).require(201);
        api.send("PUT", records + "/milestones/M1", admin, Map.of("name", "Projektplan fastställd",
                "planned", "2020-09-28", "due", "2020-10-30")).require(200);
        api.send("PUT", records + "/activities/A1", admin, Map.of("name", "Intervjuer sakkunniga",
                "startWeek", "2020-W41", "endWeek", "2020-W43")).require(200);
        api.send("PUT", records + "/activities/A2", admin, Map.of("name", "Sammanställ scenario 1",
                "startWeek", "2020-W53", "endWeek", "2021-W02")).require(200);
        api.send("PUT", records + "/status-reports/" + workshopId, admin, Map.of("rows", List.of(
                Map.of("area", "Budget", "light", "ON_TRACK"), Map.of("area", "Tid", "light", "MINOR",
                        "deviation", "Intervjuerna flyttas en vecka")))).require(200);
        api.send("PUT", records + "/organisations", admin, Map.of("organisations", List.of("Uddevalla", "Åmål"),
                "allowOther", false)).require(200);
        api.send("POST", "/api/v1/projects/" + project + "/risks", admin, Map.of("threat", "Ändrat uppdrag",
                "probability", 2, "impact", 5)).require(201);
        api.send("PUT", "/api/v1/workshops/" + workshopId + "/meeting/agenda", admin, Map.of(
                "purpose", "Att godkänna projektplanen", "goals", List.of("Projektplanen godkänns"),
                "items", List.of(Map.of("title", "Statusrapport"), Map.of("title", "Beslut")))).require(200);

        WebDriver phone = browser("member", 360, 800);
        phone.get(samverka.baseUrl() + "/#/join/" + workshop.get("joinCode").asText());
        byTestId(phone, "join-name").sendKeys("Anna");
        waitFor(phone, "the project's organisations offered", d -> new Select(byTestId(d, "join-organisation"))
                .getOptions().stream().map(o -> o.getText().strip()).toList().contains("Åmål"));
        assertThat(new Select(byTestId(phone, "join-organisation")).getOptions()).as("none, Uddevalla, Åmål")
                .hasSize(3);
        new Select(byTestId(phone, "join-organisation")).selectByVisibleText("Åmål");
        check(phone, "join-project-organisations");
        byTestId(phone, "join-submit").click();
        waitFor(phone, "joined", d -> d.getCurrentUrl().contains("/rate"));
        phone.get(samverka.baseUrl() + "/#/w/" + workshopId + "/meeting");
        byTestId(phone, "current-item");

        WebDriver laptop = browser("steering", 1280, 900);
        logIn(laptop);
        byTestId(laptop, "workshop-title");
        laptop.get(samverka.baseUrl() + "/#/w/" + workshopId + "/meeting");
        click(laptop, "role-Anna");
        api.send("POST", "/api/v1/workshops/" + workshopId + "/meeting/decisions", admin, Map.of(
                "kind", "PLAN_APPROVAL", "proposal", "Att godkänna upprättad projektplan v 0.2",
                "planVersion", "0.2")).require(201);
        waitFor(phone, "the member may vote", d -> !d.findElements(testId("vote-continue")).isEmpty());
        check(phone, "meeting-member");
        click(phone, "vote-continue");
        byTestId(phone, "my-vote");
        waitFor(laptop, "one vote", d -> byTestId(d, "decision-progress").getText().contains("1"));
        ((JavascriptExecutor) laptop).executeScript("document.querySelectorAll('details').forEach(d => d.open = true);");
        byTestId(laptop, "status-form");
        check(laptop, "meeting-facilitator");
        WebDriver projector = browser("projector", 1920, 1080);
        logIn(projector);
        byTestId(projector, "workshop-title");
        projector.get(samverka.baseUrl() + "/#/w/" + workshopId + "/projector");
        byTestId(projector, "decision-card");
        check(projector, "meeting-projector");

        click(laptop, "close-decision");
        waitFor(laptop, "decided", d -> !d.findElements(testId("decision-outcome")).isEmpty());
        // After the decision the status turns red: the evidence must still show it as it stood.
        api.send("PUT", records + "/status-reports/" + workshopId, admin, Map.of("rows", List.of(
                Map.of("area", "Budget", "light", "MAJOR")))).require(200);
        click(laptop, "evidence-link-d1");
        WebElement evidence = byTestId(laptop, "evidence-status");
        waitFor(laptop, "the evidence as decided", d -> evidence.getText().contains("Enligt plan")
                && evidence.getText().contains("Intervjuerna flyttas en vecka"));
        byTestId(laptop, "evidence-risks");
        check(laptop, "decision-evidence");

        laptop.get(samverka.baseUrl() + "/#/p/" + project + "/records");
        WebElement a2 = byTestId(laptop, "gantt-A2");
        waitFor(laptop, "the weeks in text across the year", d -> a2.getText().contains("v. 53 2020 – v. 2 2021"));
        Object barColumns = ((JavascriptExecutor) laptop).executeScript("return new Set([...document.querySelectorAll("
                + "\"[data-testid='gantt-A1'] td.gantt-bar\")].map(c => Math.round(c.getBoundingClientRect().left))).size;");
        assertThat(barColumns).as("A1's bar fills weeks 41, 42 and 43, each in its own column").isEqualTo(3L);
        ((JavascriptExecutor) laptop).executeScript("document.querySelectorAll('details').forEach(d => d.open = true);");
        WebElement end = byTestId(laptop, "facts-endDate");
        ((JavascriptExecutor) laptop).executeScript("arguments[0].value = '';", end);
        end.sendKeys("01012020");
        click(laptop, "facts-save");
        waitFor(laptop, "an end before the start refused at the field",
                d -> "true".equals(attributeIfPresent(d, "facts-endDate", "aria-invalid")));
        check(laptop, "records-with-forms");

        laptop.get(samverka.baseUrl() + "/#/admin");
        byTestId(laptop, "accounts");
        byTestId(laptop, "account-username").sendKeys("karin");
        click(laptop, "account-create");
        waitFor(laptop, "a password shown once", d -> !d.findElements(testId("issued-password")).isEmpty());
        byTestId(laptop, "account-karin");
        check(laptop, "accounts");
        click(laptop, "toggle-karin");
        waitFor(laptop, "karin disabled", d -> "true".equals(attributeIfPresent(d, "account-karin", "data-disabled")));
        assertThat(api.send("POST", "/api/v1/auth/login", null, Map.of("username", "karin", "password", "x".repeat(16)))
                .status()).isEqualTo(401);

        Files.write(Path.of("target", "accessibility-findings-steering.txt"), findings, StandardCharsets.UTF_8);
        assertThat(findings).as("accessibility and overflow findings").isEmpty();
        assertThat(checked).as("screens checked").hasSize(7 * SIZES.size());
    }

    /**
     * Presses Tab until the element with the test id has the focus, so it is reachable by keyboard,
     * and requires the focus to be visible there (an outline on it or on the label around it).
     */
    private WebElement tabTo(WebDriver driver, String id) {
        WebElement target = byTestId(driver, id);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        for (int presses = 0; presses < 120; presses++) {
            if (target.equals(driver.switchTo().activeElement())) {
                Object visible = js.executeScript("const el = arguments[0];"
                        + "const shows = e => e && getComputedStyle(e).outlineStyle !== 'none'"
                        + "  && parseFloat(getComputedStyle(e).outlineWidth) >= 2;"
                        + "return el.matches(':focus-visible') && (shows(el) || shows(el.closest('label')));", target);
                assertThat(visible).as("focus is visible on " + id).isEqualTo(true);
                return target;
            }
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + id);
    }

    private void press(WebDriver driver, String id, CharSequence... keys) {
        tabTo(driver, id).sendKeys(keys);
    }

    @Test
    void keyboardOnly_theFacilitatorOpensAndRevealsARound_andAParticipantJoinsAndVotes() throws Exception {
        WebDriver laptop = browser("keyboard-facilitator", 1280, 900);
        laptop.get(samverka.baseUrl() + "/#/login");
        press(laptop, "login-username", "admin");
        press(laptop, "login-password", RunningSamverka.ADMIN_PASSWORD);
        press(laptop, "login-submit", Keys.ENTER);
        press(laptop, "workshop-title", "Tangentbordet");
        press(laptop, "create-workshop", Keys.ENTER);
        WebElement joinCode = byTestId(laptop, "join-code");
        waitFor(laptop, "join code shown", d -> joinCode.getText().strip().matches("[A-Z2-9]{6}"));
        String code = joinCode.getText().strip();
        waitUntilLive(laptop, "dashboard live");

        WebDriver phone = browser("keyboard-participant", 360, 800);
        phone.get(samverka.baseUrl() + "/#/join/" + code);
        press(phone, "join-name", "Anna");
        press(phone, "join-organisation", "Uddevalla");
        waitFor(phone, "organisation chosen by typing", d ->
                "Uddevalla".equals(new Select(byTestId(d, "join-organisation")).getFirstSelectedOption().getText()));
        press(phone, "join-submit", Keys.ENTER);
        waitUntilLive(phone, "rating page live");
        waitFor(laptop, "one participant", d -> byTestId(d, "participant-count").getText().strip().equals("1"));

        press(laptop, "open-round", Keys.ENTER);
        waitFor(laptop, "round open", d -> "open".equals(attributeIfPresent(d, "current-round", "data-state")));
        waitFor(phone, "round open on the phone", d -> "open".equals(attributeIfPresent(d, "rate-phase", "data-phase")));
        press(phone, "rate-" + CAPABILITY + "-1", Keys.SPACE);
        waitFor(phone, "level 1 saved", d -> "saved".equals(attributeIfPresent(d, "rated-" + CAPABILITY, "data-state"))
                && byTestId(d, "rate-" + CAPABILITY + "-1").isSelected());
        phone.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        waitFor(phone, "level 2 saved", d -> "saved".equals(attributeIfPresent(d, "rated-" + CAPABILITY, "data-state"))
                && byTestId(d, "rate-" + CAPABILITY + "-2").isSelected());
        waitFor(laptop, "one has voted", d -> "1".equals(attributeIfPresent(d, "voter-count", "data-count")));

        press(laptop, "close-round", Keys.ENTER);
        waitFor(laptop, "round closed", d -> "closed".equals(attributeIfPresent(d, "current-round", "data-state")));
        press(laptop, "reveal-round", Keys.ENTER);
        waitFor(laptop, "round revealed", d -> "revealed".equals(attributeIfPresent(d, "current-round", "data-state")));
        waitFor(laptop, "Anna's 2 in the heatmap",
                d -> "2".equals(attributeIfPresent(d, "heat-Uddevalla-" + CAPABILITY, "data-mean")));
    }
}
