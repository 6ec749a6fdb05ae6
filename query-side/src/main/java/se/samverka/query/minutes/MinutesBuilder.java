package se.samverka.query.minutes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.samverka.kernel.meeting.MeetingId;
import se.samverka.kernel.records.StatusLight;
import se.samverka.kernel.risk.RiskDecider;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.query.meeting.MeetingView;
import se.samverka.query.meeting.MeetingView.DecisionView;
import se.samverka.query.meeting.MeetingView.OptionView;
import se.samverka.query.meeting.MeetingView.PersonView;
import se.samverka.query.meeting.MeetingView.VoteView;
import se.samverka.query.meeting.MeetingViews;
import se.samverka.query.minutes.Minutes.Block;
import se.samverka.query.minutes.Minutes.Bullets;
import se.samverka.query.minutes.Minutes.Paragraph;
import se.samverka.query.minutes.Minutes.Table;
import se.samverka.query.minutes.Minutes.Text;
import se.samverka.query.project.ProjectView;
import se.samverka.query.project.ProjectViews;
import se.samverka.query.records.RecordsProjection;
import se.samverka.query.records.RecordsView;
import se.samverka.query.records.RecordsView.StatusReportView;
import se.samverka.query.records.RecordsView.StatusRowView;
import se.samverka.query.risk.RiskActionView;
import se.samverka.query.risk.RiskHistoryEntry;
import se.samverka.query.risk.RiskRegisterView;
import se.samverka.query.risk.RiskRegisterViews;
import se.samverka.query.risk.RiskView;
import se.samverka.query.workshop.WorkshopView;

/**
 * Builds a meeting's minutes from what its events left in the read models (the meeting, the
 * project's records and risk register) and from the meeting's own events (when it started and
 * ended). It shows only what every reader of the meeting may see already: a decision still open
 * shows how many have voted, never what; an anonymous decision shows the count, never who voted.
 * Names come from the read models, so an erased participant is "Raderad deltagare" here too.
 */
@Component
public class MinutesBuilder {
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final MeetingViews meetings;
    private final ProjectViews projects;
    private final RecordsProjection records;
    private final RiskRegisterViews risks;
    private final EventStore events;
    private final Clock clock;

    public MinutesBuilder(MeetingViews meetings, ProjectViews projects, RecordsProjection records,
                          RiskRegisterViews risks, EventStore events, Clock clock) {
        this.meetings = meetings;
        this.projects = projects;
        this.records = records;
        this.risks = risks;
        this.events = events;
        this.clock = clock;
    }

    /** The minutes of the workshop's meeting in Swedish ({@code en} false) or English. */
    public Minutes build(WorkshopView workshop, boolean en) {
        Words w = new Words(en);
        MeetingView meeting = meetings.find(workshop.id()).orElse(null);
        ProjectView project = workshop.projectId() == null ? null : projects.find(workshop.projectId()).orElse(null);
        RecordsView projectRecords = workshop.projectId() == null ? null
                : records.find(workshop.projectId()).orElse(null);
        RiskRegisterView register = workshop.projectId() == null ? null
                : risks.find(workshop.projectId()).orElse(null);
        Span span = spanOf(workshop);
        Instant generatedAt = clock.instant();

        String projectName = projectRecords != null && projectRecords.facts() != null
                && projectRecords.facts().name() != null ? projectRecords.facts().name()
                : project == null ? workshop.title() : project.name();
        List<Paragraph> paragraphs = new ArrayList<>();
        paragraphs.add(new Paragraph(paragraphs.size() + 1, w.t("Mötets öppnande", "Opening of the meeting"),
                List.of(new Text(null, span.started == null
                        ? w.t("Mötet har inte öppnats i Samverka.", "The meeting has not been opened in Samverka.")
                        : w.t("Mötet öppnades " + time(span.started) + " av mötesledaren " + workshop.facilitator()
                                + ".", "The meeting was opened at " + time(span.started) + " by the facilitator "
                                + workshop.facilitator() + ".")))));
        paragraphs.add(new Paragraph(paragraphs.size() + 1, w.t("Närvaro", "Attendance"), attendance(meeting, w)));
        paragraphs.add(new Paragraph(paragraphs.size() + 1, w.t("Dagordning", "Agenda"), agenda(meeting, w)));
        StatusReportView report = projectRecords == null ? null : projectRecords.statusReports().stream()
                .filter(r -> workshop.id().equals(r.workshopId())).findFirst().orElse(null);
        paragraphs.add(new Paragraph(paragraphs.size() + 1, w.t("Statusrapport", "Status report"),
                statusReport(report, w)));
        paragraphs.add(new Paragraph(paragraphs.size() + 1, w.t("Avvikelser och åtgärder", "Deviations and actions"),
                deviations(report, register, w)));
        paragraphs.add(new Paragraph(paragraphs.size() + 1, w.t("Risker", "Risks"), risks(register, span, w)));
        for (DecisionView decision : meeting == null ? List.<DecisionView>of() : meeting.decisions()) {
            paragraphs.add(new Paragraph(paragraphs.size() + 1, w.t("Beslut: ", "Decision: ") + decision.proposal(),
                    decision(decision, workshop.id(), w)));
        }
        paragraphs.add(new Paragraph(paragraphs.size() + 1, w.t("Mötets avslutande", "Closing of the meeting"),
                List.of(new Text(null, span.ended == null ? w.t("Inga händelser i mötet ännu.", "No events in the meeting yet.")
                        : w.t("Mötets senaste händelse registrerades " + time(span.ended) + ".",
                                "The meeting's last event was recorded at " + time(span.ended) + ".")))));

        LocalDate day = (span.started == null ? workshop.createdAt() : span.started).atZone(SWEDEN).toLocalDate();
        return new Minutes(en ? "en" : "sv", w.t("Fyrbodals kommuner", "The municipalities of Fyrbodal"),
                projectName, workshop.title(), w.t("Protokoll", "Minutes"),
                w.t("Sammanträdesdatum: ", "Meeting date: ") + day + (span.started == null ? ""
                        : ", " + CLOCK.format(span.started.atZone(SWEDEN)) + "–"
                        + CLOCK.format(span.ended.atZone(SWEDEN))),
                List.copyOf(paragraphs), w.t("Justering", "Approval of the minutes"),
                en ? List.of("Chair", "Secretary", "Adjuster") : List.of("Ordförande", "Sekreterare", "Justerare"),
                w.t("Ort och datum", "Place and date"),
                w.t("Genererat ur mötets händelser " + time(generatedAt) + " (mötets version "
                                + (meeting == null ? -1 : meeting.version()) + ").",
                        "Generated from the meeting's events at " + time(generatedAt) + " (meeting version "
                                + (meeting == null ? -1 : meeting.version()) + ")."),
                generatedAt);
    }

    /** When the meeting's first and last events happened; both null when nothing happened in it. */
    private record Span(Instant started, Instant ended) {
    }

    private Span spanOf(WorkshopView workshop) {
        Instant first = null;
        Instant last = null;
        DomainEventStream stream = events.readEvents(MeetingId.of(new WorkshopId(workshop.id())).value());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (first == null) {
                first = message.getTimestamp();
            }
            last = message.getTimestamp();
        }
        return new Span(first, last);
    }

    private static List<Block> attendance(MeetingView meeting, Words w) {
        if (meeting == null || meeting.present().isEmpty() && meeting.steeringGroup().isEmpty()) {
            return List.of(new Text(null, w.t("Ingen närvaro registrerad.", "No attendance recorded.")));
        }
        List<String> memberIds = meeting.steeringGroup().stream().map(PersonView::participantId).toList();
        List<String> presentIds = meeting.present().stream().map(PersonView::participantId).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Text(w.t("Närvarande", "Present"), meeting.present().size()
                + (meeting.present().size() == 1 ? w.t(" person", " person") : w.t(" personer", " people"))));
        blocks.add(new Bullets(meeting.present().stream().map(p -> name(p.displayName(), w)
                + (memberIds.contains(p.participantId()) ? w.t(" (styrgruppen)", " (steering group)") : ""))
                .toList()));
        List<String> absent = meeting.steeringGroup().stream().filter(p -> !presentIds.contains(p.participantId()))
                .map(p -> name(p.displayName(), w)).toList();
        if (!absent.isEmpty()) {
            blocks.add(new Text(w.t("Frånvarande ur styrgruppen", "Absent from the steering group"), null));
            blocks.add(new Bullets(absent));
        }
        return blocks;
    }

    private static List<Block> agenda(MeetingView meeting, Words w) {
        if (meeting == null || meeting.agenda().isEmpty() && meeting.purpose() == null) {
            return List.of(new Text(null, w.t("Ingen dagordning fastställd.", "No agenda set.")));
        }
        List<Block> blocks = new ArrayList<>();
        if (meeting.purpose() != null && !meeting.purpose().isBlank()) {
            blocks.add(new Text(w.t("Syfte", "Purpose"), meeting.purpose()));
        }
        if (!meeting.goals().isEmpty()) {
            blocks.add(new Text(w.t("Mål", "Goals"), null));
            blocks.add(new Bullets(meeting.goals()));
        }
        List<String> items = new ArrayList<>();
        int n = 1;
        for (MeetingView.AgendaItemView item : meeting.agenda()) {
            items.add(n++ + ". " + item.title() + (item.details().isEmpty() ? ""
                    : " — " + String.join("; ", item.details())));
        }
        blocks.add(new Bullets(items));
        return blocks;
    }

    private static List<Block> statusReport(StatusReportView report, Words w) {
        if (report == null || report.rows().isEmpty()) {
            return List.of(new Text(null, w.t("Ingen statusrapport lämnad till mötet.",
                    "No status report was given to the meeting.")));
        }
        List<List<String>> rows = report.rows().stream().map(row -> List.of(row.area(), light(row, w),
                orDash(row.deviation()), orDash(row.action()), row.done() == null ? "–" : row.done().toString()))
                .toList();
        return List.of(new Text(w.t("Rapportdatum", "Reported on"), String.valueOf(report.reportedOn())),
                new Table(w.en ? List.of("Area", "Status", "Deviation / comment", "Action", "Done by")
                        : List.of("Område", "Status", "Avvikelse / kommentar", "Åtgärd", "Klart"), rows));
    }

    /** The traffic light in words and colour name, so it reads without colour. */
    static String light(StatusRowView row, Words w) {
        StatusLight light = row.light() == null ? null : StatusLight.valueOf(row.light());
        if (light == null) {
            return "–";
        }
        return switch (light) {
            case ON_TRACK -> w.t("Grön – Enligt plan", "Green – On track");
            case MINOR -> w.t("Gul – Mindre komplikationer", "Yellow – Minor complications");
            case MAJOR -> w.t("Röd – Komplikationer", "Red – Complications");
        };
    }

    private static List<Block> deviations(StatusReportView report, RiskRegisterView register, Words w) {
        List<String> points = new ArrayList<>();
        if (report != null) {
            for (StatusRowView row : report.rows()) {
                if (row.deviation() != null && !row.deviation().isBlank() || row.action() != null
                        && !row.action().isBlank()) {
                    points.add(row.area() + " (" + light(row, w) + "): " + orDash(row.deviation())
                            + (row.action() == null || row.action().isBlank() ? ""
                            : w.t(" Åtgärd: ", " Action: ") + row.action())
                            + (row.done() == null ? "" : w.t(", klart ", ", done by ") + row.done()));
                }
            }
        }
        if (register != null) {
            for (RiskView risk : register.risks()) {
                for (RiskActionView action : risk.actions()) {
                    if ("DONE".equals(action.status()) || "CANCELLED".equals(action.status())) {
                        continue;
                    }
                    points.add(risk.id() + " " + action.id() + ": " + action.description()
                            + (action.owner() == null ? "" : w.t(", ansvarig ", ", owner ") + action.owner())
                            + (action.dueDate() == null ? "" : w.t(", senast ", ", due ") + action.dueDate())
                            + " (" + actionStatus(action.status(), w) + ")");
                }
            }
        }
        return points.isEmpty() ? List.of(new Text(null, w.t("Inga avvikelser eller öppna åtgärder.",
                "No deviations or open actions."))) : List.of(new Bullets(points));
    }

    private static List<Block> risks(RiskRegisterView register, Span span, Words w) {
        if (register == null || register.risks().isEmpty()) {
            return List.of(new Text(null, w.t("Inga risker registrerade.", "No risks registered.")));
        }
        List<List<String>> rows = register.risks().stream().map(r -> List.of(r.id(),
                r.threat() + (r.consequence() == null || r.consequence().isBlank() ? "" : " → " + r.consequence()),
                r.probability() + " × " + r.impact() + " = " + r.value(), level(r.level(), w),
                decider(r.decidedBy(), w), state(r.state(), w))).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(w.en ? List.of("Risk", "Threat → consequence", "P × I = R", "Level", "Decided by",
                "State") : List.of("Risk", "Hot → konsekvens", "S × K = R", "Nivå", "Beslutas av", "Status"), rows));
        Instant until = span.ended == null ? Instant.MAX : span.ended;
        List<String> changes = new ArrayList<>();
        for (RiskView risk : register.risks()) {
            for (RiskHistoryEntry entry : risk.history()) {
                if (entry.at() != null && !entry.at().isAfter(until)) {
                    boolean during = span.started != null && !entry.at().isBefore(span.started);
                    changes.add(risk.id() + " " + time(entry.at()) + " — " + change(entry, w)
                            + (during ? w.t(" (under mötet)", " (during the meeting)") : ""));
                }
            }
        }
        if (!changes.isEmpty()) {
            blocks.add(new Text(w.t("Förändringar fram till och under mötet", "Changes up to and during the meeting"),
                    null));
            blocks.add(new Bullets(changes));
        }
        return blocks;
    }

    private static String change(RiskHistoryEntry entry, Words w) {
        String what = switch (entry.kind()) {
            case "registered" -> w.t("Registrerad", "Registered");
            case "edited" -> w.t("Beskrivning ändrad", "Description edited");
            case "reassessed" -> w.t("Omvärderad", "Reassessed");
            case "escalated" -> w.t("Eskalerad från " + level(entry.previousLevel(), w),
                    "Escalated from " + level(entry.previousLevel(), w));
            case "action-added" -> w.t("Åtgärd " + entry.actionId() + " tillagd", "Action " + entry.actionId()
                    + " added");
            case "action-updated" -> w.t("Åtgärd " + entry.actionId() + ": " + actionStatus(entry.status(), w),
                    "Action " + entry.actionId() + ": " + actionStatus(entry.status(), w));
            case "mitigated" -> w.t("Åtgärdad", "Mitigated");
            case "closed" -> w.t("Stängd", "Closed");
            case "reopened" -> w.t("Återöppnad", "Reopened");
            case "estimate-opened" -> w.t("Gemensam skattning öppnad", "Joint estimate opened");
            case "estimate-revealed" -> w.t("Gemensam skattning visad", "Joint estimate revealed");
            case "estimate-adopted" -> w.t("Gemensam skattning antagen", "Joint estimate adopted");
            case "estimate-discarded" -> w.t("Gemensam skattning förkastad", "Joint estimate discarded");
            default -> entry.kind();
        };
        if (entry.value() != null) {
            what += ": " + w.t("S ", "P ") + entry.probability() + " × " + w.t("K ", "I ") + entry.impact() + " = "
                    + entry.value() + " (" + level(entry.level(), w) + ")";
        }
        return what + (entry.reason() == null || entry.reason().isBlank() ? "" : " — " + entry.reason());
    }

    private static List<Block> decision(DecisionView d, String workshopId, Words w) {
        List<Block> blocks = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        d.options().forEach(o -> labels.put(o.id(), o.label()));
        blocks.add(new Text(w.t("Förslag", "Proposal"), d.proposal() + (d.planVersion() == null ? ""
                : w.t(" (projektplan v " + d.planVersion() + ")", " (project plan v " + d.planVersion() + ")"))));
        blocks.add(new Text(w.t("Alternativ", "Options"), d.options().stream().map(OptionView::label)
                .collect(Collectors.joining(", "))));
        blocks.add(new Text(w.t("Röstning", "Voting"), (d.openVoting() ? w.t("öppen", "open")
                : w.t("sluten till beslutet stängs", "sealed until the decision closes"))
                + (d.anonymous() ? w.t(", anonym", ", anonymous") : "")));
        if (!"closed".equals(d.state())) {
            blocks.add(new Text(w.t("Läge", "State"), w.t("Beslutet är inte avslutat; " + votes(d.voteCount(), w)
                    + " har lämnats. Resultatet visas när mötesledaren stänger beslutet.",
                    "The decision is not closed; " + votes(d.voteCount(), w)
                            + " cast so far. The result shows when the facilitator closes it.")));
            return blocks;
        }
        List<List<String>> tally = d.options().stream().map(o -> List.of(o.label(), String.valueOf(
                d.tally() == null ? 0 : d.tally().getOrDefault(o.id(), 0)))).toList();
        blocks.add(new Table(w.en ? List.of("Option", "Votes") : List.of("Alternativ", "Röster"), tally));
        blocks.add(new Text(w.t("Beslutsförhet", "Quorum"), quorum(d, w)));
        String outcome = switch (d.result() == null ? "" : d.result()) {
            case "DECIDED" -> w.t("Beslutat: ", "Decided: ") + labels.getOrDefault(d.outcome(), d.outcome());
            case "TIED" -> w.t("Lika röstetal; inget beslut", "Tied; no decision");
            case "NO_QUORUM" -> w.t("Ej beslutsmässigt; inget beslut", "No quorum; no decision");
            case "NO_VOTES" -> w.t("Inga röster; inget beslut", "No votes; no decision");
            default -> orDash(d.result());
        };
        blocks.add(new Text(w.t("Utfall", "Outcome"), outcome + (d.closedAt() == null ? ""
                : w.t(" (stängt " + time(d.closedAt()) + ")", " (closed " + time(d.closedAt()) + ")"))));
        if (d.evidence() != null) {
            List<String> evidence = new ArrayList<>();
            evidence.add(d.evidence().riskRegisterVersion() == null ? w.t("inget riskregister", "no risk register")
                    : w.t("riskregistret version ", "risk register version ") + d.evidence().riskRegisterVersion());
            evidence.add(d.evidence().recordsVersion() == null ? w.t("ingen projektdokumentation", "no project records")
                    : w.t("projektdokumentationen version ", "project records version ")
                    + d.evidence().recordsVersion());
            String reportOf = d.evidence().statusReportWorkshopId();
            if (reportOf != null) {
                evidence.add(reportOf.equals(workshopId) ? w.t("statusrapporten till detta möte",
                        "this meeting's status report") : w.t("statusrapporten till mötet ",
                        "the status report of meeting ") + reportOf);
            }
            blocks.add(new Text(w.t("Underlag", "Evidence"), String.join(", ", evidence)));
        }
        if (d.anonymous()) {
            blocks.add(new Text(w.t("Röster", "Votes"), votes(d.voteCount(), w) + w.t(", anonyma.", ", anonymous.")));
        } else if (!d.votes().isEmpty()) {
            blocks.add(new Text(w.t("Röster", "Votes"), null));
            blocks.add(new Bullets(d.votes().stream().map((VoteView v) -> name(v.displayName(), w) + ": "
                    + labels.getOrDefault(v.optionId(), orDash(v.optionId()))).toList()));
        }
        return blocks;
    }

    private static String quorum(DecisionView d, Words w) {
        String cast = votes(d.voteCount(), w);
        if (d.quorum() == null) {
            return w.t("Inget krav på antal röster; " + cast + " lämnades.",
                    "No least number of votes; " + cast + " cast.");
        }
        boolean met = d.voteCount() >= d.quorum();
        return met ? w.t("Beslutsmässigt: " + cast + ", minst " + d.quorum() + " krävs.",
                "Quorate: " + cast + ", at least " + d.quorum() + " required.")
                : w.t("Ej beslutsmässigt: " + cast + ", minst " + d.quorum() + " krävs.",
                        "Not quorate: " + cast + ", at least " + d.quorum() + " required.");
    }

    /** "1 röst", "2 röster"; "1 vote", "2 votes". */
    private static String votes(int count, Words w) {
        return count + (count == 1 ? w.t(" röst", " vote") : w.t(" röster", " votes"));
    }

    private static String level(String level, Words w) {
        if (level == null) {
            return "–";
        }
        return switch (level) {
            case "LOW" -> w.t("Låg", "Low");
            case "MEDIUM" -> w.t("Medel", "Medium");
            case "HIGH" -> w.t("Hög", "High");
            default -> level;
        };
    }

    private static String decider(String decider, Words w) {
        if (decider == null) {
            return "–";
        }
        return switch (RiskDecider.valueOf(decider)) {
            case PROJECT_MANAGER -> w.t("Projektledaren", "The project manager");
            case TACTICAL_STEERING_GROUP -> w.t("Taktisk styrgrupp", "The tactical steering group");
            case COMMISSIONING_PARTY -> w.t("Uppdragsbeställaren", "The commissioning party");
        };
    }

    private static String state(String state, Words w) {
        return switch (Objects.requireNonNullElse(state, "")) {
            case "OPEN" -> w.t("Öppen", "Open");
            case "MITIGATED" -> w.t("Åtgärdad", "Mitigated");
            case "CLOSED" -> w.t("Stängd", "Closed");
            default -> orDash(state);
        };
    }

    private static String actionStatus(String status, Words w) {
        return switch (Objects.requireNonNullElse(status, "")) {
            case "PLANNED" -> w.t("planerad", "planned");
            case "IN_PROGRESS" -> w.t("pågår", "in progress");
            case "DONE" -> w.t("klar", "done");
            case "CANCELLED" -> w.t("struken", "cancelled");
            default -> orDash(status);
        };
    }

    /** A name as the read model holds it; a missing one is shown as erased, never as an id. */
    private static String name(String displayName, Words w) {
        return displayName == null || displayName.isBlank() ? w.t("Raderad deltagare", "Erased participant")
                : displayName;
    }

    static String time(Instant at) {
        return TIME.format(at.atZone(SWEDEN));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text;
    }

    /** Picks the Swedish or the English wording. */
    record Words(boolean en) {
        String t(String sv, String english) {
            return en ? english : sv;
        }
    }
}
