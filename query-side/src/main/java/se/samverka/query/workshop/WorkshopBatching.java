package se.samverka.query.workshop;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.query.processing.ProjectionLag;
import se.samverka.query.processing.TrackingBatch;

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
        processing.registerHandlerInterceptor(WorkshopProjection.GROUP, configuration -> new Interceptor(views, lag));
    }

    /**
     * Opens the batch at the first event of a tracking batch and writes it after the last; then
     * records, for each event of the batch, how long it took from being stored to the read model.
     */
    static final class Interceptor implements MessageHandlerInterceptor<EventMessage<?>> {
        private final WorkshopViews views;
        private final ProjectionLag lag;

        Interceptor(WorkshopViews views, ProjectionLag lag) {
            this.views = views;
            this.lag = lag;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
                return chain.proceed();
            }
            boolean replay = TrackingBatch.replayed(batch.getMessages().get(batch.getMessages().size() - 1));
            if (batch.isFirstMessage()) {
                views.beginBatch(unitOfWork, replay, ratedBy(batch));
            }
            Object result = chain.proceed();
            if (batch.isLastMessage()) {
                views.endBatch(unitOfWork);
                if (replay) {
                    return result; // a rebuild's latencies say nothing about the live path
                }
                Instant written = Instant.now();
                for (Object message : batch.getMessages()) {
                    Instant stored = ((EventMessage<?>) message).getTimestamp();
                    lag.record(Math.max(0, Duration.between(stored, written).toNanos() / 1000));
                }
            }
            return result;
        }

        /** The participants whose ratings the batch carries. */
        private static Set<String> ratedBy(BatchingUnitOfWork<?> batch) {
            Set<String> ids = new HashSet<>();
            for (Object message : batch.getMessages()) {
                if (((EventMessage<?>) message).getPayload() instanceof CapabilityRatedEvent rated) {
                    ids.add(rated.participantId().value());
                }
            }
            return ids;
        }
    }
}
