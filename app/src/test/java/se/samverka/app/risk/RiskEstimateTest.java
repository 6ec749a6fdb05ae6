package se.samverka.app.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.ServiceTest;

/**
 * A joint estimate end to end on the running service, with real STOMP clients: sealed while
 * open (neither a participant's stream nor its reads carry any value), revealed, and adopted
 * as a reassessment that escalates the risk.
 */
class RiskEstimateTest extends ServiceTest {
    static RiskApi risks;

    @BeforeAll
    static void prepare() {
        risks = new RiskApi(api);
    }

    private static List<JsonNode> ofType(LiveClient client, String type) {
        return client.messages().stream().filter(m -> m.get("type").asText().equals(type)).toList();
    }

    @Test
    void givenOpenEstimate_whenParticipantsEstimate_thenSealedUntilRevealAndTheAdoptedValueEscalatesTheRisk()
            throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte 3");
        String project = workshop.get("projectId").asText();
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla");
        JsonNode bo = api.join(workshop.get("joinCode").asText(), "Bo", "Tanum");
        String annaToken = anna.get("token").asText();
        // R1 of the pre-study: 2 × 5 = 10, medium, for the tactical steering group.
        risks.register(facilitator, project, "Ändrat uppdrag e-samordnarroll från VästKom", 2, 5).require(201);

        try (LiveClient annaLive = LiveClient.connect(samverka.webSocketUrl(), annaToken)
                .subscribe("/topic/projects." + project + ".risks");
             LiveClient facilitatorLive = LiveClient.connect(samverka.webSocketUrl(), facilitator)
                     .subscribe("/topic/projects." + project + ".risks")) {
            awaitSubscribed(project, annaLive, facilitatorLive);
            int before = annaLive.messages().size();

            risks.post(facilitator, project, "/R1/estimate", null).require(201);
            risks.put(annaToken, project, "/R1/estimate/mine", Map.of("probability", 5, "impact", 4)).require(200);
            risks.put(bo.get("token").asText(), project, "/R1/estimate/mine", Map.of("probability", 4, "impact", 4))
                    .require(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> ofType(annaLive, "risk.estimate-given").size() == 2);
            for (JsonNode message : annaLive.messages().subList(before, annaLive.messages().size())) {
                assertSealed(message.get("risk").get("estimate"));
                assertThat(message.get("risk").get("value").asInt()).as("the risk keeps its value").isEqualTo(10);
            }
            JsonNode sealed = RiskApi.riskIn(risks.registerOf(annaToken, project), "R1").get("estimate");
            assertSealed(sealed);
            assertThat(sealed.get("count").asInt()).isEqualTo(2);
            assertThat(sealed.get("estimators")).extracting(JsonNode::asText).containsExactly(
                    anna.get("participantId").asText(), bo.get("participantId").asText());
            assertSealed(RiskApi.riskIn(risks.registerOf(facilitator, project), "R1").get("estimate"));

            risks.post(facilitator, project, "/R1/estimate/reveal", null).require(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> !ofType(annaLive, "risk.estimate-revealed").isEmpty());
            JsonNode revealed = ofType(annaLive, "risk.estimate-revealed").get(0).get("risk").get("estimate");
            assertThat(revealed.get("state").asText()).isEqualTo("revealed");
            assertThat(revealed.get("values").toString())
                    .isEqualTo("[{\"probability\":4,\"impact\":4,\"value\":16},{\"probability\":5,\"impact\":4,\"value\":20}]");
            assertThat(revealed.get("probability").get("median").asDouble()).isEqualTo(4.5);
            assertThat(revealed.get("value").get("min").asInt()).isEqualTo(16);

            risks.post(facilitator, project, "/R1/estimate/adopt",
                    Map.of("probability", 4, "impact", 4, "reason", "Samstämmig bedömning")).require(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> !ofType(annaLive, "risk.escalated").isEmpty());
            JsonNode escalated = ofType(annaLive, "risk.escalated").get(0);
            assertThat(escalated.get("escalation").get("decidedBy").asText()).isEqualTo("COMMISSIONING_PARTY");
            assertThat(escalated.get("risk").get("level").asText()).isEqualTo("HIGH");
            assertThat(annaLive.messages().subList(before, annaLive.messages().size()))
                    .extracting(m -> m.get("type").asText())
                    .containsExactly("risk.estimate-opened", "risk.estimate-given", "risk.estimate-given",
                            "risk.estimate-revealed", "risk.estimate-adopted", "risk.reassessed", "risk.escalated");
            assertVersionsRiseByOne(annaLive);
            assertVersionsRiseByOne(facilitatorLive);

            JsonNode r1 = RiskApi.riskIn(risks.registerOf(annaToken, project), "R1");
            assertThat(r1.get("value").asInt()).isEqualTo(16);
            assertThat(r1.get("decidedBy").asText()).isEqualTo("COMMISSIONING_PARTY");
            assertThat(r1.get("estimate").isNull()).isTrue();
            JsonNode history = r1.get("history");
            JsonNode reassessed = history.get(history.size() - 2);
            assertThat(reassessed.get("kind").asText()).isEqualTo("reassessed");
            assertThat(reassessed.get("basis").asText()).isEqualTo("JOINT_ESTIMATE");
            assertThat(reassessed.get("by").asText()).isEqualTo("admin");
            assertThat(reassessed.get("reason").asText()).isEqualTo("Samstämmig bedömning");
            assertThat(history.get(history.size() - 1).get("kind").asText()).isEqualTo("escalated");
            assertThat(annaLive.errors()).isEmpty();
        }
    }

    @Test
    void givenParticipantProposal_whenFacilitatorAccepts_thenItIsTheNextRiskForEveryoneLive() throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Workshop om risker");
        String project = workshop.get("projectId").asText();
        String anna = api.join(workshop.get("joinCode").asText(), "Anna", "Orust").get("token").asText();
        risks.register(facilitator, project, "Ändrat uppdrag", 2, 5).require(201);

        try (LiveClient annaLive = LiveClient.connect(samverka.webSocketUrl(), anna)
                .subscribe("/topic/projects." + project + ".risks")) {
            awaitSubscribed(project, annaLive);

            JsonNode proposed = risks.post(anna, project, "/proposals", RiskApi.risk(
                    "Projektdeltagare kan inte prioritera att delta", 4, 3)).require(201);
            assertThat(proposed.get("id").asText()).isEqualTo("P1");
            JsonNode accepted = risks.post(facilitator, project, "/proposals/P1/accept", null).require(200);
            assertThat(accepted.get("id").asText()).isEqualTo("R2");

            // R1's own registration may reach Anna too, when its push was still on its way as she
            // subscribed (a loaded machine): the proposal's risk is the one registered from P1.
            await().atMost(Duration.ofSeconds(10)).until(() -> ofType(annaLive, "risk.registered").stream()
                    .anyMatch(m -> m.get("risk").path("fromProposal").asText().equals("P1")));
            JsonNode r2 = ofType(annaLive, "risk.registered").stream().map(m -> m.get("risk"))
                    .filter(risk -> risk.path("fromProposal").asText().equals("P1")).findFirst().orElseThrow();
            assertThat(r2.get("id").asText()).isEqualTo("R2");
            assertThat(r2.get("value").asInt()).isEqualTo(12);
            assertThat(r2.get("fromProposal").asText()).isEqualTo("P1");
            JsonNode proposal = risks.registerOf(facilitator, project).get("proposals").get(0);
            assertThat(proposal.get("state").asText()).isEqualTo("accepted");
            assertThat(proposal.get("proposedByName").asText()).isEqualTo("Anna");
            assertVersionsRiseByOne(annaLive);
        }
    }

    /** While sealed, an estimate says who and how many, never a value or anything computed from values. */
    private static void assertSealed(JsonNode estimate) {
        assertThat(estimate.get("state").asText()).isEqualTo("open");
        for (String field : List.of("values", "probability", "impact", "value")) {
            assertThat(estimate.get(field) == null || estimate.get(field).isNull()).as(field + " sealed").isTrue();
        }
    }

    private static void assertVersionsRiseByOne(LiveClient client) {
        List<Long> versions = client.messages().stream().map(m -> m.get("version").asLong()).toList();
        for (int i = 1; i < versions.size(); i++) {
            assertThat(versions.get(i)).as("versions " + versions).isEqualTo(versions.get(i - 1) + 1);
        }
    }

    /**
     * A subscription is registered asynchronously. Every register event is pushed to all
     * subscribers, so an edit of R1 that reaches every client proves they are all live; an edit
     * sent before a subscription was in place is followed by another.
     */
    static void awaitSubscribed(String project, LiveClient... clients) {
        AtomicInteger probe = new AtomicInteger();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (Arrays.stream(clients).allMatch(c -> !ofType(c, "risk.edited").isEmpty())) {
                return true;
            }
            risks.put(facilitator, project, "/R1", Map.of("threat", "Ändrat uppdrag e-samordnarroll från VästKom",
                    "actionNeeded", true, "owner", "Probe " + probe.incrementAndGet())).require(200);
            return false;
        });
    }
}
