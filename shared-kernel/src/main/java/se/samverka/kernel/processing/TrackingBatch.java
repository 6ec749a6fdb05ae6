package se.samverka.kernel.processing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
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
 *
 * <p>A rebuild's batches may share one state: with a {@link ReplayTokenStore} under the
 * processor, a replayed batch's state is carried into the next batch instead of written, and the
 * token store holds the batch's token back until the carried writes are stored (every so many
 * events, at the end of the replay, or when the processor finds no more events). A rebuild thus
 * reads and writes each document once per many batches while the live path keeps its small
 * batches; the token never passes writes that are not stored.
 */
public final class TrackingBatch {
    /** What the replayed batches of the processing thread's segment carry, and the token that waits for them. */
    private static final ThreadLocal<Carry> CARRY = new ThreadLocal<>();

    private TrackingBatch() {
    }

    /**
     * What every batch's state shares: whether it re-reads events handled before a reset of the
     * tokens, and the actions (live pushes) that wait until its writes are stored. A replayed
     * batch keeps none: screens have seen those changes.
     */
    public abstract static class State {
        private boolean replay;
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

    /**
     * Whether actions given to {@link #whenStored} under {@code key} will run: outside a batch,
     * or in a live one. A replayed batch drops them, so what they would send need not be made.
     */
    public static boolean pushes(String key) {
        State state = current(key);
        return state == null || !state.replay;
    }

    /** A projection whose writes {@link #interceptor} gathers per tracking batch. */
    public interface Batched<S extends State> {
        /** Opens the batch's state before its first event is handled. */
        S begin(List<? extends EventMessage<?>> events, boolean replay);

        /**
         * Prepares a state carried over from earlier replayed batches for the next batch's
         * {@code events}: what {@link #begin} reads for its events, it reads here for these.
         * Called only under a {@link ReplayTokenStore}; a projection whose processor has another
         * token store never carries its state.
         */
        default void resume(S state, List<? extends EventMessage<?>> events) {
            throw new UnsupportedOperationException(getClass().getName() + " does not carry its state across batches");
        }

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
                    unitOfWork.resources().put(key, beginOrResume(key, projection, events, replay));
                    Carry carry = CARRY.get();
                    if (carry != null) {
                        // The processor reopens its stream at the stored token: what was carried is handled again.
                        unitOfWork.onRollback(failed -> carry.forget());
                    }
                }
                Object result = chain.proceed();
                if (batch.isLastMessage()) {
                    @SuppressWarnings("unchecked")
                    S state = (S) unitOfWork.resources().remove(key);
                    Carry carry = CARRY.get();
                    if (state != null && replay && carry != null) {
                        carry.park(key, projection, state, events.size(), unitOfWork);
                    } else if (state != null) {
                        projection.end(state, events, replay);
                        ((State) state).afterStore.forEach(Runnable::run);
                    }
                }
                return result;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <S extends State> S beginOrResume(String key, Batched<S> projection,
                                                     List<? extends EventMessage<?>> events, boolean replay) {
        Carry carry = CARRY.get();
        Parked<?> parked = carry == null ? null : carry.parked.remove(key);
        if (parked == null) {
            return projection.begin(events, replay);
        }
        S state = (S) parked.state();
        // A live batch goes on from what the replay carried: it writes all of it, then pushes its own changes.
        ((State) state).replay = replay;
        projection.resume(state, events);
        return state;
    }

    /** Lets this thread's replayed batches carry their state (the processing thread of a segment). */
    static void allowCarry() {
        if (CARRY.get() == null) {
            CARRY.set(new Carry());
        }
    }

    /** Forgets what this thread carried: its segment's stream starts again from the stored token. */
    static void endCarry() {
        CARRY.remove();
    }

    /** What this thread's replayed batches carry, or null. */
    static Carry carry() {
        return CARRY.get();
    }

    /**
     * Whether {@code token} stands before the position a reset of the tokens was made at: more
     * replayed events follow it.
     */
    static boolean beforeReset(TrackingToken token) {
        return comparedToReset(token, false);
    }

    /**
     * Whether {@code token} is a replay token whose position is before the position of the reset
     * (or at it, when {@code orAt}); false for any other token.
     */
    private static boolean comparedToReset(TrackingToken token, boolean orAt) {
        return WrappedToken.unwrap(token, ReplayToken.class)
                .map(replay -> {
                    OptionalLong reset = replay.getTokenAtReset() == null ? OptionalLong.empty()
                            : replay.getTokenAtReset().position();
                    OptionalLong at = token.position();
                    return reset.isPresent() && at.isPresent()
                            && (at.getAsLong() < reset.getAsLong() || orAt && at.getAsLong() == reset.getAsLong());
                })
                .orElse(false);
    }

    private record Parked<S extends State>(Batched<S> projection, S state) {
        void end() {
            projection.end(state, List.of(), true);
        }
    }

    /**
     * The states replayed batches parked instead of writing them, the events they hold, the unit
     * of work that parked last (whose token may wait) and the token that waits.
     */
    static final class Carry {
        private final Map<String, Parked<?>> parked = new LinkedHashMap<>();
        private int events;
        private UnitOfWork<?> parkedBy;
        private TrackingToken waiting;
        private String waitingProcessor;
        private int waitingSegment;
        private long claimedAt = System.nanoTime();

        <S extends State> void park(String key, Batched<S> projection, S state, int count, UnitOfWork<?> unitOfWork) {
            parked.put(key, new Parked<>(projection, state));
            events += count;
            parkedBy = unitOfWork;
        }

        boolean holds() {
            return !parked.isEmpty();
        }

        int events() {
            return events;
        }

        /** Whether the token store is called from the commit of the batch that parked last. */
        boolean parkedByCurrent() {
            return parkedBy != null && CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() == parkedBy;
        }

        void hold(TrackingToken token, String processor, int segment) {
            waiting = token;
            waitingProcessor = processor;
            waitingSegment = segment;
        }

        TrackingToken waiting() {
            return waiting;
        }

        String waitingProcessor() {
            return waitingProcessor;
        }

        int waitingSegment() {
            return waitingSegment;
        }

        long claimedAt() {
            return claimedAt;
        }

        void claimed() {
            claimedAt = System.nanoTime();
        }

        /** Writes every parked state; the token that waited may then be stored. */
        void write() {
            List<Parked<?>> toWrite = new ArrayList<>(parked.values());
            parked.clear();
            toWrite.forEach(Parked::end);
            stored();
        }

        /** The token is stored: nothing waits any more. */
        void stored() {
            events = 0;
            parkedBy = null;
            waiting = null;
            claimed();
        }

        /** Drops what was carried, unwritten: the processor handles those events again. */
        void forget() {
            parked.clear();
            stored();
        }
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
        return message instanceof TrackedEventMessage<?> tracked && comparedToReset(tracked.trackingToken(), true);
    }
}
