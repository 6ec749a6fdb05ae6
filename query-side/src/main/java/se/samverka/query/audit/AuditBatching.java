package se.samverka.query.audit;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import se.samverka.kernel.processing.LingeringMessageSource;
import se.samverka.kernel.processing.TrackingBatch;

/**
 * Writes the audit trail once per tracking batch instead of once per event: the batch's lines
 * in one insert, each stream's counter once, after one read that finds the lines of events
 * handled before. Per event that was a find, an insert and one or two counter updates, which
 * made the trail the slowest projection to follow a busy meeting and to rebuild. A live batch
 * also reads the people its events name as actors in one query, for the lines it pushes.
 */
@Configuration(proxyBeanMethods = false)
public class AuditBatching {

    /**
     * The trail's stream lingers ({@link LingeringMessageSource}) after the first event of a burst,
     * so a vote is written in a few batches a second rather than one per handful of events: a
     * line need not be pushed the moment its event is stored, and every batch costs the same
     * queries and a token write whether it holds five events or fifty.
     */
    @Autowired
    public void configure(EventProcessingConfigurer processing, AuditViews views,
                          @Value("${samverka.audit.linger-millis:200}") long lingerMillis) {
        processing.registerTrackingEventProcessor(AuditProjection.GROUP, configuration ->
                        new LingeringMessageSource(configuration.eventStore(), Duration.ofMillis(lingerMillis)))
                .registerHandlerInterceptor(AuditProjection.GROUP,
                        configuration -> TrackingBatch.interceptor(AuditViews.BATCH, batched(views)));
    }

    static TrackingBatch.Batched<AuditViews.Batch> batched(AuditViews views) {
        return new TrackingBatch.Batched<>() {
            @Override
            public AuditViews.Batch begin(List<? extends EventMessage<?>> events, boolean replay) {
                AuditViews.Batch batch = views.beginBatch(events.stream().map(EventMessage::getIdentifier).toList(),
                        replay);
                if (!replay) {
                    views.readPeople(batch, participantActors(events));
                }
                return batch;
            }

            @Override
            public void resume(AuditViews.Batch batch, List<? extends EventMessage<?>> events) {
                views.findStored(batch, events.stream().map(EventMessage::getIdentifier).toList());
            }

            @Override
            public void end(AuditViews.Batch batch, List<? extends EventMessage<?>> events, boolean replay) {
                views.endBatch(batch);
            }
        };
    }

    /** The participants named as the events' actors. */
    static Set<String> participantActors(List<? extends EventMessage<?>> events) {
        Set<String> ids = new LinkedHashSet<>();
        for (EventMessage<?> event : events) {
            String participant = event.getMetaData().get(AuditProjection.ACTOR) instanceof String actor
                    ? AuditReader.participantOf(actor) : null;
            if (participant != null) {
                ids.add(participant);
            }
        }
        return ids;
    }
}
