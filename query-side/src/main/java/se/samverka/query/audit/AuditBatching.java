package se.samverka.query.audit;

import java.util.List;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import se.samverka.kernel.processing.TrackingBatch;

/**
 * Writes the audit trail once per tracking batch instead of once per event: the batch's lines
 * in one insert, each stream's counter once, after one read that finds the lines of events
 * handled before. Per event that was a find, an insert and one or two counter updates, which
 * made the trail the slowest projection to follow a busy meeting and to rebuild.
 */
@Configuration(proxyBeanMethods = false)
public class AuditBatching {

    @Autowired
    public void configure(EventProcessingConfigurer processing, AuditViews views) {
        processing.registerHandlerInterceptor(AuditProjection.GROUP,
                configuration -> TrackingBatch.interceptor(AuditViews.BATCH, batched(views)));
    }

    static TrackingBatch.Batched<AuditViews.Batch> batched(AuditViews views) {
        return new TrackingBatch.Batched<>() {
            @Override
            public AuditViews.Batch begin(List<? extends EventMessage<?>> events, boolean replay) {
                return views.beginBatch(events.stream().map(EventMessage::getIdentifier).toList(), replay);
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
}
