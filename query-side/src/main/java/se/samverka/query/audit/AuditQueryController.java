package se.samverka.query.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.Ids;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.problem.DomainException;
import se.samverka.query.project.ProjectAccess;
import se.samverka.query.workshop.WorkshopAccess;
import se.samverka.query.workshop.WorkshopView;

/**
 * The audit trail of a project (its facilitator only) and of one workshop (its facilitator and
 * its participants), in pages or as a JSON export. Every read goes through {@link AuditViewer},
 * so an export never shows more than the screen would.
 */
@RestController
@RequestMapping("/api/v1")
public class AuditQueryController {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern ACTOR = Pattern.compile("(facilitator|participant|system):[A-Za-z0-9._-]{1,64}");

    private final AuditReader reader;
    private final AuditViews views;
    private final ProjectAccess projects;
    private final WorkshopAccess workshops;
    private final Clock clock;

    public AuditQueryController(AuditReader reader, AuditViews views, ProjectAccess projects,
                                WorkshopAccess workshops, Clock clock) {
        this.reader = reader;
        this.views = views;
        this.projects = projects;
        this.workshops = workshops;
        this.clock = clock;
    }

    /**
     * A page of a trail, newest first. {@code latest} is the version of the live stream the
     * trail follows (the project's line number, also when the project's trail is narrowed to
     * one workshop; the workshop's line number on the workshop's own trail), so a client can
     * apply pushes on top of it.
     */
    public record AuditTrail(String projectId, String workshopId, long latest, List<AuditLine> entries,
                             Long nextBefore) {
    }

    /** Everything a reader may see of a trail, oldest first, with what was asked for. */
    public record AuditExport(String projectId, String workshopId, Instant exportedAt, String exportedBy,
                              Filters filters, List<AuditLine> entries) {
    }

    public record Filters(List<String> kinds, String actor, Instant from, Instant to) {
    }

    @GetMapping("/projects/{projectId}/audit")
    public AuditTrail projectTrail(Caller caller, @PathVariable String projectId,
                                   @RequestParam(required = false) String workshopId,
                                   @RequestParam(required = false) List<String> kind,
                                   @RequestParam(required = false) String actor,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) Long before,
                                   @RequestParam(required = false) Integer limit) {
        String project = projects.runBy(caller, projectId).id();
        AuditReader.Page page = reader.page(query(project, workshop(workshopId), kind, actor, from, to, before),
                AuditViewer.of(caller), limit(limit));
        return new AuditTrail(project, workshopId, views.lastSequence(project), page.entries(), page.nextBefore());
    }

    @GetMapping("/workshops/{workshopId}/audit")
    public AuditTrail workshopTrail(Caller caller, @PathVariable String workshopId,
                                    @RequestParam(required = false) List<String> kind,
                                    @RequestParam(required = false) String actor,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) Long before,
                                    @RequestParam(required = false) Integer limit) {
        WorkshopView workshop = workshops.readable(caller, workshopId);
        AuditReader.Page page = reader.page(query(workshop.projectId(), workshop.id(), kind, actor, from, to, before),
                AuditViewer.of(caller), limit(limit));
        return new AuditTrail(workshop.projectId(), workshop.id(), views.lastWorkshopSequence(workshop.id()),
                page.entries(), page.nextBefore());
    }

    @GetMapping("/projects/{projectId}/audit/export")
    public ResponseEntity<AuditExport> exportProjectTrail(Caller caller, @PathVariable String projectId,
                                                          @RequestParam(required = false) String workshopId,
                                                          @RequestParam(required = false) List<String> kind,
                                                          @RequestParam(required = false) String actor,
                                                          @RequestParam(required = false) String from,
                                                          @RequestParam(required = false) String to) {
        String project = projects.runBy(caller, projectId).id();
        return export(caller, query(project, workshop(workshopId), kind, actor, from, to, null),
                "samverka-audit-" + project);
    }

    @GetMapping("/workshops/{workshopId}/audit/export")
    public ResponseEntity<AuditExport> exportWorkshopTrail(Caller caller, @PathVariable String workshopId,
                                                           @RequestParam(required = false) List<String> kind,
                                                           @RequestParam(required = false) String actor,
                                                           @RequestParam(required = false) String from,
                                                           @RequestParam(required = false) String to) {
        WorkshopView workshop = workshops.readable(caller, workshopId);
        return export(caller, query(workshop.projectId(), workshop.id(), kind, actor, from, to, null),
                "samverka-audit-workshop-" + workshop.id());
    }

    private ResponseEntity<AuditExport> export(Caller caller, AuditReader.Query query, String fileName) {
        List<AuditLine> lines = new ArrayList<>();
        reader.all(query, AuditViewer.of(caller), lines::add);
        AuditExport export = new AuditExport(query.projectId(), query.workshopId(), clock.instant(), caller.actor(),
                new Filters(query.kinds(), query.actor(), query.from(), query.to()), lines);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".json\"")
                .body(export);
    }

    private static AuditReader.Query query(String projectId, String workshopId, List<String> kinds, String actor,
                                           String from, String to, Long before) {
        List<String> cleanKinds = kinds == null ? List.of()
                : kinds.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        for (String kind : cleanKinds) {
            if (!KIND.matcher(kind).matches()) {
                throw invalid("kind '" + kind + "' is not a kind of event");
            }
        }
        if (actor != null && !ACTOR.matcher(actor).matches()) {
            throw invalid("actor must look like 'participant:<id>' or 'facilitator:<username>'");
        }
        if (before != null && before < 1) {
            throw invalid("before must be a line number of 1 or more");
        }
        return new AuditReader.Query(projectId, workshopId, cleanKinds, actor, instant("from", from),
                instant("to", to), before);
    }

    /** A workshop to narrow a project's trail to; an unknown one simply matches no line. */
    private static String workshop(String workshopId) {
        if (workshopId != null && !Ids.isSafe(workshopId)) {
            throw invalid("workshopId is not a workshop id");
        }
        return workshopId;
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit must be from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be a time such as 2026-11-29T10:00:00Z");
        }
    }

    private static DomainException invalid(String message) {
        return new DomainException(DomainException.Kind.INVALID, "validation", message);
    }
}
