package se.samverka.query.audit;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.samverka.kernel.EventScope;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.query.live.LivePublisher;

/**
 * Writes one audit line per event of every aggregate that belongs to a project, whatever the
 * event's type (see {@link EventScope}), and pushes it live after it is stored.
 *
 * <p>Line numbers are given here, in the order this processor receives events: the project's
 * {@code sequence} and the workshop's {@code workshopSequence} each rise by one per line, and
 * they are the versions of the live audit streams. The processor has one segment, so no two
 * lines of a project are numbered at once. An event handled again (after a crash between line
 * and token) finds its line by the event identifier and is neither stored nor pushed again.
 * Within a tracking batch the lines and counters are written together at its end and pushed
 * after that ({@link AuditBatching}); a rebuild's batches push nothing.
 */
@Component
@ProcessingGroup(AuditProjection.GROUP)
public class AuditProjection {
    public static final String GROUP = "audit-trail";
    static final String ACTOR = "actor";
    static final String REQUEST_ID = "requestId";
    static final String CORRELATION_ID = "correlationId";
    static final String TRACE_ID = "traceId";
    private static final Logger log = LoggerFactory.getLogger(AuditProjection.class);

    private final AuditViews views;
    private final AuditReader reader;
    private final LivePublisher live;
    private final PersonalDataCipher personalData;

    /** For tests whose events carry names in the clear. */
    public AuditProjection(AuditViews views, AuditReader reader, LivePublisher live) {
        this(views, reader, live, PersonalDataCipher.PLAIN);
    }

    @Autowired
    public AuditProjection(AuditViews views, AuditReader reader, LivePublisher live,
                           PersonalDataCipher personalData) {
        this.views = views;
        this.reader = reader;
        this.live = live;
        this.personalData = personalData;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        Optional<AuditEntry> written = views.entry(message.getIdentifier());
        if (written.isPresent()) {
            // Handled before: the line stays as it is; its counters may not have been written.
            views.numbered(written.get());
            return;
        }
        String aggregateId = message.getAggregateIdentifier();
        Optional<String> project = EventScope.projectOf(payload).map(ProjectId::value)
                .map(projectId -> views.bind(aggregateId, projectId, namesOf(payload)))
                .or(() -> views.projectOf(aggregateId));
        if (project.isEmpty()) {
            log.warn("Event {} of {} belongs to no project; it has no audit line", message.getIdentifier(),
                    aggregateId);
            return;
        }
        String projectId = project.get();
        String workshopId = EventScope.workshopOf(payload).map(WorkshopId::value).orElse(null);
        if (payload instanceof ParticipantJoinedEvent joined) {
            views.savePerson(new AuditPerson(joined.participantId().value(), workshopId,
                    personalData.reveal(joined.displayName()), personalData.revealOrNull(joined.organisation())));
        }
        if (payload instanceof ParticipantErasedEvent erased) {
            // Every line the person did, past and future, now names them as erased.
            views.savePerson(new AuditPerson(erased.participantId().value(), workshopId, PersonalDataCipher.ERASED,
                    null));
        }
        AuditDescriber.Description description = AuditDescriber.describe(payload,
                capabilityId -> workshopId == null ? null : views.capabilityName(workshopId, capabilityId));
        long sequence = views.lastNumbered(projectId) + 1;
        Long workshopSequence = workshopId == null ? null : views.lastNumberedInWorkshop(workshopId) + 1;
        AuditEntry entry = new AuditEntry(message.getIdentifier(), projectId, sequence, workshopId, workshopSequence,
                message.getType(), aggregateId, message.getSequenceNumber(), message.getTimestamp(),
                payload.getClass().getSimpleName(), description.kind(), text(message, ACTOR),
                description.actorPublic(), description.anonymous(), description.summary(), description.changes(),
                text(message, REQUEST_ID), text(message, CORRELATION_ID), text(message, TRACE_ID));
        views.insert(entry);
        views.numbered(entry);
        if (!views.pushes()) {
            return; // a rebuild's line was seen before: it is neither worded nor sent again
        }
        // The lines are worded now, while the batch knows the people they name; sent once stored.
        AuditPushed toFacilitator = new AuditPushed(sequence, reader.line(entry, AuditViewer.FACILITATOR));
        AuditPushed toPeers = workshopId == null ? null
                : new AuditPushed(workshopSequence, reader.line(entry, AuditViewer.PEERS));
        views.whenStored(() -> {
            live.publishToProject(projectId, AuditPushed.STREAM, toFacilitator);
            if (toPeers != null) {
                live.publishToWorkshop(workshopId, AuditPushed.STREAM, toPeers);
            }
        });
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }

    private static List<AuditSubject.Name> namesOf(Object payload) {
        if (payload instanceof WorkshopCreatedEvent created) {
            return created.capabilityModel().flatten().stream()
                    .map(capability -> new AuditSubject.Name(capability.id(), capability.name())).toList();
        }
        return List.of();
    }

    private static String text(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
