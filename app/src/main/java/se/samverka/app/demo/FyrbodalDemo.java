package se.samverka.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import se.samverka.app.role.RoleConditions;
import se.samverka.command.template.TemplateCatalog;
import se.samverka.command.web.CommandSender;
import se.samverka.command.workshop.JoinCodes;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.meeting.AgendaItemInput;
import se.samverka.kernel.meeting.ChangeSteeringRoleCommand;
import se.samverka.kernel.meeting.DecisionKind;
import se.samverka.kernel.meeting.MarkPresentCommand;
import se.samverka.kernel.meeting.MoveAgendaCommand;
import se.samverka.kernel.meeting.OpenDecisionCommand;
import se.samverka.kernel.meeting.SetAgendaCommand;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.AddPlanVersionCommand;
import se.samverka.kernel.records.ReportStatusCommand;
import se.samverka.kernel.records.SetActivityCommand;
import se.samverka.kernel.records.SetOrganisationsCommand;
import se.samverka.kernel.records.SetMilestoneCommand;
import se.samverka.kernel.records.SetProjectFactsCommand;
import se.samverka.kernel.records.StatusLight;
import se.samverka.kernel.records.StatusRow;
import se.samverka.kernel.risk.AddRiskActionCommand;
import se.samverka.kernel.risk.RegisterRiskCommand;
import se.samverka.kernel.risk.RiskAssessment;
import se.samverka.kernel.risk.RiskId;
import se.samverka.kernel.workshop.CreateWorkshopCommand;
import se.samverka.kernel.workshop.DefineScenarioCommand;
import se.samverka.kernel.workshop.JoinWorkshopCommand;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.Scenario;
import se.samverka.kernel.workshop.ScenarioId;
import se.samverka.kernel.workshop.WorkshopId;
import java.util.LinkedHashMap;
import java.util.Map;
import se.samverka.command.survey.SurveyTemplates;
import se.samverka.kernel.survey.CreateSurveyCommand;
import se.samverka.kernel.survey.OpenSurveyCommand;
import se.samverka.kernel.survey.SetEnvironmentSourceCommand;
import se.samverka.kernel.survey.SourceKind;
import se.samverka.kernel.survey.SourceStatus;
import se.samverka.kernel.survey.SurveyId;

/**
 * Loads the Fyrbodal pre-study as a demo project at start, once: the steering-group meeting of
 * {@code demo/fyrbodal-prestudy.json} (facts, plan v0.2, milestones, status report, risks R1 and
 * R2, scenarios, the capability model, the agenda and the open plan-approval decision), by
 * sending the same commands a facilitator and participants would, so its events are real.
 * Fixed ids ({@code fyrbodal-prestudy}, {@code fyrbodal-demo}) make a restart find it loaded.
 * Off with {@code samverka.demo.enabled=false}.
 */
@Component
@Conditional(RoleConditions.ServesCommands.class)
@ConditionalOnProperty(name = "samverka.demo.enabled", havingValue = "true", matchIfMissing = true)
public class FyrbodalDemo implements ApplicationRunner {
    public static final ProjectId PROJECT = new ProjectId("fyrbodal-prestudy");
    public static final WorkshopId WORKSHOP = new WorkshopId("fyrbodal-demo");
    private static final Logger log = LoggerFactory.getLogger(FyrbodalDemo.class);
    private static final String[] MEMBERS = {"Uddevalla", "Trollhättan", "Vänersborg", "Åmål"};
    /**
     * The weeks of the timeline's activities, in the seed's order. The seed's Gantt chart lost its
     * bars (only weeks 41 to 4 and the order of activities survive), so these spans are the demo's
     * own plausible reading, not the project's.
     */
    private static final String[][] ACTIVITY_WEEKS = {{"2020-W41", "2020-W43"}, {"2020-W42", "2020-W44"},
        {"2020-W41", "2020-W45"}, {"2020-W43", "2020-W47"}, {"2020-W46", "2020-W48"}, {"2020-W48", "2020-W50"},
        {"2020-W50", "2020-W53"}, {"2020-W53", "2021-W02"}, {"2021-W01", "2021-W03"}, {"2021-W02", "2021-W04"}};

    private final CommandSender commands;
    private final EventStore events;
    private final JoinCodes joinCodes;
    private final ObjectMapper json;
    private final String facilitator;

    public FyrbodalDemo(CommandSender commands, EventStore events, JoinCodes joinCodes, ObjectMapper json,
                        @Value("${samverka.admin.username}") String facilitator) {
        this.commands = commands;
        this.events = events;
        this.joinCodes = joinCodes;
        this.json = json;
        this.facilitator = facilitator;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (events.lastSequenceNumberFor(WORKSHOP.value()).isPresent()) {
            loadSurveyAndEnvironment(seed());
            return;
        }
        load(seed());
        loadSurveyAndEnvironment(seed());
        log.info("Loaded the Fyrbodal pre-study demo (project {}, workshop {})", PROJECT, WORKSHOP);
    }

    // --- Survey and environment analysis (issue 10) -----------------------------------------
    // Its own check, so a demo loaded before this block existed gets it on the next start.

    public static final SurveyId SURVEY = new SurveyId("fyrbodal-nulage");

    /**
     * The current-state survey from the built-in template, opened (no answers: the seed has
     * none, and the demo does not make any up), and the environment analysis' sources, all planned.
     */
    void loadSurveyAndEnvironment(JsonNode seed) {
        if (events.lastSequenceNumberFor(SURVEY.value()).isPresent()) {
            return;
        }
        Caller admin = Caller.facilitator(facilitator);
        SurveyTemplates.Template template = SurveyTemplates.find(SurveyTemplates.FYRBODAL).orElseThrow();
        JsonNode current = seed.get("currentStateAnalysis");
        commands.send(new CreateSurveyCommand(SURVEY, PROJECT, facilitator, "Nulägesanalys – " + text(current,
                "question"), strings(current.get("surveyTargetGroups")),
                strings(seed.get("organisations").get("memberMunicipalities")), template.questions()), admin);
        commands.send(new OpenSurveyCommand(SURVEY, PROJECT, facilitator), admin);
        JsonNode environment = seed.get("environmentAnalysis");
        String question = text(environment, "question");
        Map<String, SourceKind> kinds = new LinkedHashMap<>();
        kinds.put("externalExperts", SourceKind.EXTERNAL_EXPERT);
        kinds.put("internalExperts", SourceKind.INTERNAL_EXPERT);
        kinds.put("similarInitiatives", SourceKind.SIMILAR_INITIATIVE);
        kinds.put("workshopInterview", SourceKind.WORKSHOP_INTERVIEW);
        kinds.forEach((field, kind) -> {
            for (String organisation : strings(environment.get(field))) {
                commands.send(new SetEnvironmentSourceCommand(PROJECT, facilitator, null, kind, organisation, question,
                        null, null, SourceStatus.PLANNED), admin);
            }
        });
        log.info("Loaded the Fyrbodal survey {} and environment sources into project {}", SURVEY, PROJECT);
    }

    private JsonNode seed() {
        try (InputStream in = FyrbodalDemo.class.getResourceAsStream("/demo/fyrbodal-prestudy.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void load(JsonNode seed) {
        Caller admin = Caller.facilitator(facilitator);
        JsonNode project = seed.get("project");
        commands.send(new CreateWorkshopCommand(WORKSHOP, PROJECT, true, "Styrgruppsmöte – Förstudie Digital Motor",
                TemplateCatalog.FYRBODAL, joinCodes.newUnusedCode(), facilitator, null), admin);

        // The project's facts. The seed dates the final report 2020-01-29, before the start; the
        // timeline runs to week 4 of 2021, so 2021-01-29 is taken as meant.
        commands.send(new SetProjectFactsCommand(PROJECT, facilitator, text(project, "name"),
                project.get("goal").get("sv").asText(), project.get("totalCostSek").asLong(),
                strings(project.get("financing")), text(project, "municipalContribution"),
                LocalDate.parse(project.get("dates").get("start").asText()), LocalDate.of(2021, 1, 29),
                strings(project.get("deliverables").get("parts"))), admin);
        commands.send(new AddPlanVersionCommand(PROJECT, facilitator, "0.2", "Upprättad projektplan"), admin);
        for (JsonNode milestone : seed.get("milestones")) {
            if (milestone.has("name")) {
                commands.send(new SetMilestoneCommand(PROJECT, facilitator, text(milestone, "id"),
                        text(milestone, "name"), date(milestone, "planned"), date(milestone, "due"), null), admin);
            }
        }
        // --- timeline and member organisations (issue 5 and 9) ---
        List<String> activities = strings(seed.get("timeline").get("activities"));
        for (int i = 0; i < activities.size() && i < ACTIVITY_WEEKS.length; i++) {
            commands.send(new SetActivityCommand(PROJECT, facilitator, "A" + (i + 1), activities.get(i),
                    ACTIVITY_WEEKS[i][0], ACTIVITY_WEEKS[i][1]), admin);
        }
        commands.send(new SetOrganisationsCommand(PROJECT, facilitator,
                strings(seed.get("organisations").get("memberMunicipalities")), false), admin);
        // --- end timeline and member organisations ---

        // The seed does not say which light each area had: these are the demo's reading of its comments.
        List<StatusRow> rows = new ArrayList<>();
        for (JsonNode row : seed.get("statusReport").get("rows")) {
            String deviation = row.has("deviation") ? text(row, "deviation")
                    : row.has("milestones") ? "Milstolpar " + String.join(", ", strings(row.get("milestones"))) : null;
            StatusLight light = row.has("action") ? StatusLight.MINOR : StatusLight.ON_TRACK;
            rows.add(new StatusRow(text(row, "area"), light, deviation, row.has("action") ? text(row, "action") : null,
                    null));
        }
        commands.send(new ReportStatusCommand(PROJECT, facilitator, WORKSHOP, LocalDate.of(2020, 10, 2), rows), admin);

        for (JsonNode risk : seed.get("riskManagement").get("risks")) {
            commands.send(new RegisterRiskCommand(PROJECT, facilitator, text(risk, "threat"),
                    text(risk, "vulnerability"), text(risk, "consequence"),
                    new RiskAssessment(risk.get("probability").asInt(), risk.get("impact").asInt()),
                    risk.get("actionNeeded").asBoolean(), "Projektledare", null), admin);
            for (String action : strings(risk.get("proposedActions"))) {
                commands.send(new AddRiskActionCommand(PROJECT, facilitator, new RiskId(text(risk, "id")), action,
                        "Projektledare", null), admin);
            }
        }
        for (JsonNode scenario : seed.get("scenarios").get("items")) {
            Scenario.Priority priority = "Hög".equals(text(scenario, "priority")) ? Scenario.Priority.HIGH
                    : Scenario.Priority.MEDIUM;
            commands.send(new DefineScenarioCommand(WORKSHOP, facilitator, new Scenario(
                    new ScenarioId(text(scenario, "id").toLowerCase()), text(scenario, "name"),
                    "Kostnad " + text(scenario, "cost") + ", tid " + text(scenario, "duration")
                            + ". Förmågor: " + String.join(", ", strings(scenario.get("capabilities"))),
                    List.of(), 0, Scenario.CostKind.ONE_OFF, 0, priority)), admin);
        }

        JsonNode meeting = seed.get("meeting");
        List<AgendaItemInput> agenda = new ArrayList<>();
        for (JsonNode item : meeting.get("agenda")) {
            agenda.add(new AgendaItemInput(text(item, "title"), item.has("items") ? strings(item.get("items"))
                    : List.of()));
        }
        List<String> goals = new ArrayList<>();
        meeting.get("goals").forEach(goal -> goals.add(goal.get("sv").asText()));
        commands.send(new SetAgendaCommand(WORKSHOP, facilitator, meeting.get("purpose").get("sv").asText(), goals,
                agenda), admin);
        for (int i = 0; i < MEMBERS.length; i++) {
            ParticipantId member = new ParticipantId("fyrbodal-demo-member-" + (i + 1));
            Caller participant = Caller.participant(WORKSHOP, member);
            commands.send(new JoinWorkshopCommand(WORKSHOP, member, "Ledamot " + MEMBERS[i], MEMBERS[i]),
                    participant);
            commands.send(new MarkPresentCommand(WORKSHOP, member), participant);
            commands.send(new ChangeSteeringRoleCommand(WORKSHOP, facilitator, member, true), admin);
        }
        // The decision belongs to the last item (Beslut); the meeting then starts at the first.
        commands.send(new MoveAgendaCommand(WORKSHOP, facilitator, "a" + agenda.size()), admin);
        commands.send(new OpenDecisionCommand(WORKSHOP, facilitator, DecisionKind.PLAN_APPROVAL,
                text(seed.get("decision"), "proposal"), null, "0.2", null, false, false), admin);
        commands.send(new MoveAgendaCommand(WORKSHOP, facilitator, "a1"), admin);
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.has(field) ? LocalDate.parse(node.get(field).asText()) : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
