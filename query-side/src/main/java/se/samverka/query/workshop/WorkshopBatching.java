package se.samverka.query.workshop;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Batches the workshop projection's writes per tracking batch: a busy workshop's document is
 * read and written once per batch instead of once per event (see {@link WorkshopViews}). The
 * batch opens at its first event and is written after its last, inside the batch's unit of
 * work, so before the tracking processor stores its token: a crash before the write replays
 * the batch, and the version compare-and-set keeps that idempotent.
 */
@Configuration(proxyBeanMethods = false)
public class WorkshopBatching {

    @Autowired
    public void configure(EventProcessingConfigurer processing, WorkshopViews views) {
        processing.registerHandlerInterceptor(WorkshopProjection.GROUP, configuration -> new Interceptor(views));
    }

    /** Opens the batch at the first event of a tracking batch and writes it after the last. */
    static final class Interceptor implements MessageHandlerInterceptor<EventMessage<?>> {
        private final WorkshopViews views;

        Interceptor(WorkshopViews views) {
            this.views = views;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
                return chain.proceed();
            }
            if (batch.isFirstMessage()) {
                views.beginBatch(unitOfWork);
            }
            Object result = chain.proceed();
            if (batch.isLastMessage()) {
                views.endBatch(unitOfWork);
            }
            return result;
        }
    }
}
