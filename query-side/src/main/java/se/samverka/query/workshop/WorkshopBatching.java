package se.samverka.query.workshop;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.query.processing.ProjectionLag;
import se.samverka.kernel.processing.TrackingBatch;

/**
 * Batches the workshop projection's writes per tracking batch: a busy workshop's document is
 * read and written once per batch instead of once per event (see {@link WorkshopViews}). The
 * batch opens at its first event and is written after its last, inside the batch's unit of
 * work, so before the tracking processor stores its token: a crash before the write replays
 * the batch, and the version compare-and-set keeps that idempotent. A batch of events handled
 * before a reset of the tokens (a rebuild) pushes nothing live: screens have seen those changes.
 */
@Configuration(proxyBeanMethods = false)
public class WorkshopBatching {

    @Autowired
    public void configure(EventProcessingConfigurer processing, WorkshopViews views, ProjectionLag lag) {
        processing.registerHandlerInterceptor(WorkshopProjection.GROUP, configuration -> interceptor(views, lag));
    }

    /**
     * Opens the batch at the first event of a tracking batch and writes it after the last; then
     * records, for each event of the batch, how long it took from being stored to the read model.
     */
    static MessageHandlerInterceptor<EventMessage<?>> interceptor(WorkshopViews views, ProjectionLag lag) {
        return TrackingBatch.interceptor(WorkshopViews.BATCH, new TrackingBatch.Batched<WorkshopViews.Batch>() {
            @Override
            public WorkshopViews.Batch begin(List<? extends EventMessage<?>> events, boolean replay) {
                return views.beginBatch(replay, ratedBy(events));
            }

            @Override
            public void resume(WorkshopViews.Batch batch, List<? extends EventMessage<?>> events) {
                views.readParticipants(batch, ratedBy(events));
            }

            @Override
            public void end(WorkshopViews.Batch batch, List<? extends EventMessage<?>> events, boolean replay) {
                views.endBatch(batch);
                if (replay) {
                    return; // a rebuild's latencies say nothing about the live path
                }
                Instant written = Instant.now();
                for (EventMessage<?> event : events) {
                    lag.record(Math.max(0, Duration.between(event.getTimestamp(), written).toNanos() / 1000));
                }
            }
        });
    }

    /** The participants whose ratings the batch carries. */
    private static Set<String> ratedBy(List<? extends EventMessage<?>> events) {
        Set<String> ids = new HashSet<>();
        for (EventMessage<?> event : events) {
            if (event.getPayload() instanceof CapabilityRatedEvent rated) {
                ids.add(rated.participantId().value());
            }
        }
        return ids;
    }
}
