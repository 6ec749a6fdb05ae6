package se.samverka.kernel.processing;

import java.util.List;
import java.util.OptionalLong;
import java.util.ArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a projection keeps for the tracking batch it is handling: read models read once and
 * written once per batch instead of once per event. The state lives in the batch's unit of
 * work, so a batch that fails is handled again with fresh state, and it is written inside that
 * unit of work, before the tracking processor's token commits: a crash before the write hands
 * the same events to the projection again, whose writes are idempotent.
 */
public final class TrackingBatch {
    private TrackingBatch() {
    }

    /**
     * What every batch's state shares: whether it re-reads events handled before a reset of the
     * tokens, and the actions (live pushes) that wait until its writes are stored. A replayed
     * batch keeps none: screens have seen those changes.
     */
    public abstract static class State {
        private final boolean replay;
        private final List<Runnable> afterStore = new ArrayList<>();

        protected State(boolean replay) {
            this.replay = replay;
        }
    }

    /**
     * Runs {@code action} once the writes gathered so far are stored: now outside a batch, at
     * the end of the batch under {@code key}, or never in a replayed batch.
     */
    public static void whenStored(String key, Runnable action) {
        State state = current(key);
        if (state == null) {
            action.run();
        } else if (!state.replay) {
            state.afterStore.add(action);
        }
    }

    /** A projection whose writes {@link #interceptor} gathers per tracking batch. */
    public interface Batched<S extends State> {
        /** Opens the batch's state before its first event is handled. */
        S begin(List<? extends EventMessage<?>> events, boolean replay);

        /**
         * Writes what the batch gathered, after its last event; a failure fails the batch. What
         * waited for the writes ({@link #whenStored}) runs after it.
         */
        void end(S state, List<? extends EventMessage<?>> events, boolean replay);
    }

    /**
     * The handler interceptor that opens {@code projection}'s state under {@code key} at the
     * first event of each tracking batch and ends it after the last. Events handled outside a
     * batching unit of work (tests calling a projection directly) find no state.
     */
    public static <S extends State> MessageHandlerInterceptor<EventMessage<?>> interceptor(String key,
                                                                                   Batched<S> projection) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
                    return chain.proceed();
                }
                @SuppressWarnings("unchecked")
                List<? extends EventMessage<?>> events = (List<? extends EventMessage<?>>) batch.getMessages();
                boolean replay = replayed(events.get(events.size() - 1));
                if (batch.isFirstMessage()) {
                    unitOfWork.resources().put(key, projection.begin(events, replay));
                }
                Object result = chain.proceed();
                if (batch.isLastMessage()) {
                    @SuppressWarnings("unchecked")
                    S state = (S) unitOfWork.resources().remove(key);
                    if (state != null) {
                        projection.end(state, events, replay);
                        ((State) state).afterStore.forEach(Runnable::run);
                    }
                }
                return result;
            }
        };
    }

    /** The state under {@code key} of the tracking batch being handled, or null outside one. */
    @SuppressWarnings("unchecked")
    public static <S extends State> S current(String key) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return (S) CurrentUnitOfWork.get().resources().get(key);
    }

    /**
     * Whether the event was handled before a reset of the tokens (a rebuild): its position is
     * not past the one the processor had reached when reset. Screens have seen such changes, so
     * nothing is pushed for them. Axon's own replay flag is not enough: it turns false early when
     * the token at reset has a gap the replaying token no longer has.
     */
    public static boolean replayed(Object message) {
        if (!(message instanceof TrackedEventMessage<?> tracked)) {
            return false;
        }
        return WrappedToken.unwrap(tracked.trackingToken(), ReplayToken.class)
                .map(replay -> {
                    OptionalLong reset = replay.getTokenAtReset() == null ? OptionalLong.empty()
                            : replay.getTokenAtReset().position();
                    OptionalLong at = tracked.trackingToken().position();
                    return reset.isPresent() && at.isPresent() && at.getAsLong() <= reset.getAsLong();
                })
                .orElse(false);
    }
}
