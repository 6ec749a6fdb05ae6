package se.samverka.app.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ServiceTest;

/**
 * The minutes of a steering-group meeting, generated from its events, read back as a reader
 * would: the Markdown as text, the PDF through OpenPDF's text extractor.
 */
class MinutesTest extends ServiceTest {
    static String workshopId;
    static String anna;
    static String cecilia;
    static String outsider;
    static String otherWorkshopId;

    @BeforeAll
    static void holdAMeeting() {
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte 3");
        workshopId = workshop.get("id").asText();
        String project = workshop.get("projectId").asText();
        String joinCode = workshop.get("joinCode").asText();
        api.send("PUT", "/api/v1/projects/" + project + "/records/facts", facilitator, Map.of(
                "name", "Förstudie Digital Motor")).require(200);
        api.send("POST", "/api/v1/projects/" + project + "/records/plan-versions", facilitator,
                Map.of("version", "0.2")).require(201);
        api.send("PUT", "/api/v1/projects/" + project + "/records/status-reports/" + workshopId, facilitator,
                Map.of("rows", List.of(Map.of("area", "Budget", "light", "ON_TRACK"),
                        Map.of("area", "Tid", "light", "MINOR", "deviation", "Viss förskjutning av tidsplan",
                                "action", "Ny tidsplan tas fram")))).require(200);
        String risk = api.send("POST", "/api/v1/projects/" + project + "/risks", facilitator, Map.of(
                "threat", "Ändrat uppdrag e-samordnarroll", "probability", 2, "impact", 5)).require(201)
                .get("id").asText();
        api.send("PUT", "/api/v1/workshops/" + workshopId + "/meeting/agenda", facilitator, Map.of(
                "purpose", "Att följa upp förstudien",
                "goals", List.of("Att projektplanen godkänns"),
                "items", List.of(Map.of("title", "Statusrapport"), Map.of("title", "Riskhantering"),
                        Map.of("title", "Beslut", "details", List.of("Godkänna projektplan"))))).require(200);
        JsonNode a = api.join(joinCode, "Anna Andersson", "Uddevalla");
        JsonNode b = api.join(joinCode, "Bo Berg", "Tanum");
        JsonNode c = api.join(joinCode, "Cecilia Carlsson", "Orust");
        anna = a.get("token").asText();
        cecilia = c.get("token").asText();
        for (JsonNode member : List.of(a, b)) {
            api.send("PUT", "/api/v1/workshops/" + workshopId + "/meeting/roles/"
                    + member.get("participantId").asText(), facilitator, Map.of("steeringGroup", true)).require(200);
        }
        for (JsonNode person : List.of(a, b, c)) {
            api.send("PUT", "/api/v1/workshops/" + workshopId + "/meeting/presence", person.get("token").asText(),
                    (String) null).require(200);
        }
        api.send("POST", "/api/v1/projects/" + project + "/risks/" + risk + "/assessments", facilitator, Map.of(
                "probability", 4, "impact", 5, "reason", "VästKom har beslutat")).require(201);
        String plan = meeting("POST", "/decisions", facilitator, Map.of("kind", "PLAN_APPROVAL",
                "proposal", "Att godkänna upprättad projektplan v 0.2", "planVersion", "0.2", "quorum", 2))
                .require(201).get("id").asText();
        meeting("PUT", "/decisions/" + plan + "/vote", anna, Map.of("option", "continue")).require(200);
        meeting("PUT", "/decisions/" + plan + "/vote", b.get("token").asText(), Map.of("option", "back")).require(200);
        meeting("PUT", "/decisions/" + plan + "/vote", anna, Map.of("option", "continue")).require(200);
        String secret = meeting("POST", "/decisions", facilitator, Map.of("proposal", "Att byta projektnamn",
                "anonymous", true)).require(201).get("id").asText();
        meeting("PUT", "/decisions/" + secret + "/vote", anna, Map.of("option", "stop")).require(200);
        meeting("PUT", "/decisions/" + secret + "/vote", b.get("token").asText(), Map.of("option", "stop"))
                .require(200);
        meeting("POST", "/decisions/" + plan + "/close", facilitator, null).require(200);
        meeting("POST", "/decisions/" + secret + "/close", facilitator, null).require(200);
        String open = meeting("POST", "/decisions", facilitator, Map.of("proposal", "Att förlänga förstudien"))
                .require(201).get("id").asText();
        long last = meeting("PUT", "/decisions/" + open + "/vote", anna, Map.of("option", "back")).require(200)
                .get("version").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", "/api/v1/workshops/" + workshopId
                + "/meeting", facilitator, (String) null).require(200).get("version").asLong() == last);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", "/api/v1/projects/" + project
                + "/risks", facilitator, (String) null).require(200).get("version").asLong() >= 1);

        JsonNode other = api.createWorkshop(facilitator, "Annan workshop");
        otherWorkshopId = other.get("id").asText();
        outsider = api.join(other.get("joinCode").asText(), "Utomstående", "Lysekil").get("token").asText();
    }

    static ApiClient.Response meeting(String method, String path, String token, Map<String, ?> body) {
        return api.send(method, "/api/v1/workshops/" + workshopId + "/meeting" + path, token, body);
    }

    @Test
    void givenAHeldMeeting_whenItsMinutesAreDownloadedAsMarkdown_thenEveryPartIsThereInSwedish() {
        ApiClient.Download download = api.download("/api/v1/workshops/" + workshopId + "/meeting/minutes.md",
                facilitator);
        String md = new String(download.require(200), StandardCharsets.UTF_8);

        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .contains("protokoll-" + workshopId + ".md");
        assertThat(md).contains("# Protokoll – Styrgruppsmöte 3", "Förstudie Digital Motor", "Sammanträdesdatum: ",
                "## §1 Mötets öppnande", "## §2 Närvaro", "- Anna Andersson (styrgruppen)", "- Cecilia Carlsson\n",
                "## §3 Dagordning", "**Syfte:** Att följa upp förstudien", "3. Beslut — Godkänna projektplan",
                "## §4 Statusrapport", "| Budget | Grön – Enligt plan |",
                "| Tid | Gul – Mindre komplikationer | Viss förskjutning av tidsplan | Ny tidsplan tas fram |",
                "## §5 Avvikelser och åtgärder", "## §6 Risker", "| R1 | Ändrat uppdrag e-samordnarroll |",
                "4 × 5 = 20 | Hög | Uppdragsbeställaren | Öppen |", "Omvärderad: S 4 × K 5 = 20 (Hög) — VästKom har beslutat",
                "## §7 Beslut: Att godkänna upprättad projektplan v 0.2",
                "**Förslag:** Att godkänna upprättad projektplan v 0.2 (projektplan v 0.2)",
                "**Alternativ:** Fortsätt, Tillbaka, Stopp / avsluta", "| Fortsätt | 1 |", "| Tillbaka | 1 |",
                "**Beslutsförhet:** Beslutsmässigt: 2 röster, minst 2 krävs.",
                "**Utfall:** Lika röstetal; inget beslut", "**Underlag:** riskregistret version ", "statusrapporten till detta möte",
                "- Anna Andersson: Fortsätt", "- Bo Berg: Tillbaka",
                "## §8 Beslut: Att byta projektnamn", "**Röster:** 2 röster, anonyma.", "**Utfall:** Beslutat: Stopp / avsluta",
                "## §9 Beslut: Att förlänga förstudien", "Beslutet är inte avslutat; 1 röst har lämnats.",
                "## §10 Mötets avslutande", "## Justering", "Ordförande: ____", "Justerare: ____",
                "Ort och datum: ____");
        String anonymous = md.substring(md.indexOf("## §8"), md.indexOf("## §9"));
        assertThat(anonymous).as("an anonymous decision names no voter").doesNotContain("Anna", "Bo Berg");
        String sealed = md.substring(md.indexOf("## §9"), md.indexOf("## §10"));
        assertThat(sealed).as("an open decision shows no tally").doesNotContain("Tillbaka |", "Anna");
    }

    @Test
    void givenAHeldMeeting_whenItsMinutesAreDownloadedAsPdf_thenTheProtocolReadsTheSame() throws Exception {
        ApiClient.Download download = api.download("/api/v1/workshops/" + workshopId + "/meeting/minutes.pdf",
                anna);
        byte[] pdf = download.require(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // Kept for a look at the layout (pdftoppm target/minutes-sample.pdf); the text is what is checked.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "minutes-sample.pdf"), pdf);
        String text = textOf(pdf);
        assertThat(text).contains("Fyrbodals kommuner", "Förstudie Digital Motor", "PROTOKOLL", "Protokoll",
                "Styrgruppsmöte 3", "Sammanträdesdatum", "Sida 1", "§1", "Mötets öppnande", "§2", "Närvaro",
                "Anna Andersson (styrgruppen)", "Dagordning", "Statusrapport", "Gul – Mindre komplikationer",
                "Grön – Enligt plan", "Viss förskjutning av tidsplan", "Avvikelser och åtgärder", "Risker",
                "Ändrat uppdrag", "4 × 5 = 20", "§7", "Beslut: Att godkänna upprättad projektplan v 0.2",
                "Lika röstetal; inget beslut", "Beslutsmässigt: 2 röster, minst 2 krävs.", "Underlag:",
                "riskregistret version", "Bo Berg: Tillbaka", "§10", "Justering", "Ordförande", "Justerare",
                "Ort och datum");
    }

    @Test
    void givenEnglish_whenMinutesAreAsked_thenWordedInEnglish() throws Exception {
        String md = new String(api.download("/api/v1/workshops/" + workshopId + "/meeting/minutes.md?lang=en",
                cecilia).require(200), StandardCharsets.UTF_8);
        assertThat(md).contains("# Minutes – Styrgruppsmöte 3", "Meeting date: ", "## §2 Attendance",
                "| Tid | Yellow – Minor complications |", "**Quorum:** Quorate: 2 votes, at least 2 required.",
                "**Outcome:** Tied; no decision", "## Approval of the minutes", "Chair: ____");
        String pdf = textOf(api.download("/api/v1/workshops/" + workshopId + "/meeting/minutes.pdf?lang=en",
                facilitator).require(200));
        assertThat(pdf).contains("MINUTES", "Page 1", "Attendance", "Decision: Att godkänna upprättad projektplan v 0.2",
                "Approval of the minutes");
    }

    @Test
    void givenAParticipantOfAnotherWorkshop_whenAskingForTheMinutes_thenRefused() {
        assertThat(api.download("/api/v1/workshops/" + workshopId + "/meeting/minutes.md", outsider).status())
                .isEqualTo(403);
        assertThat(api.download("/api/v1/workshops/" + workshopId + "/meeting/minutes.pdf", outsider).status())
                .isEqualTo(403);
        assertThat(api.download("/api/v1/workshops/" + workshopId + "/meeting/minutes.pdf", null).status())
                .isEqualTo(401);
        assertThat(api.download("/api/v1/workshops/" + workshopId + "/audit", outsider).status())
                .as("nor its audit trail").isEqualTo(403);
    }

    @Test
    void givenAWorkshopWhoseMeetingNeverStarted_whenItsMinutesAreAsked_thenTheySaySoInEveryParagraph()
            throws Exception {
        String md = new String(api.download("/api/v1/workshops/" + otherWorkshopId + "/meeting/minutes.md",
                outsider).require(200), StandardCharsets.UTF_8);
        assertThat(md).contains("# Protokoll – Annan workshop", "Mötet har inte öppnats i Samverka.",
                "Ingen närvaro registrerad.", "Ingen dagordning fastställd.", "Ingen statusrapport lämnad till mötet.",
                "Inga avvikelser eller öppna åtgärder.", "Inga risker registrerade.", "## §7 Mötets avslutande");
        assertThat(textOf(api.download("/api/v1/workshops/" + otherWorkshopId + "/meeting/minutes.pdf", outsider)
                .require(200))).contains("Protokoll", "Annan workshop", "Justering");
    }

    static String textOf(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
