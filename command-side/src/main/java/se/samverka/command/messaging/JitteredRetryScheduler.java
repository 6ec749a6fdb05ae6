package se.samverka.command.messaging;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;

/**
 * Retries after a random pause that doubles with each attempt, up to a ceiling. Within one
 * node the aggregate lock serialises writers, but command nodes only meet at the event store's
 * unique key: two nodes that lost a race to each other and retried after the same fixed pause
 * would meet again, and again. A random pause spreads them out, so each retry has a fair chance.
 *
 * <p>What is retried is decided on the whole failure: Axon's own check calls a failure
 * non-transient when <em>any</em> exception in its cause chain is, and a conflict's
 * {@code ConcurrencyException} always has the database's duplicate-key error as its cause, so
 * with a "retry only conflicts" predicate Axon never retried a conflict at all.
 */
public final class JitteredRetryScheduler extends AbstractRetryScheduler {
    private final long firstMillis;
    private final long ceilingMillis;
    private final Predicate<Throwable> retryable;

    private JitteredRetryScheduler(Builder builder) {
        super(builder);
        this.firstMillis = builder.firstMillis;
        this.ceilingMillis = builder.ceilingMillis;
        this.retryable = builder.retryable;
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !retryable.test(failure);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Attempt n (from 1) waits a random time between half and all of min(first × 2^(n-1), ceiling). */
    @Override
    protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure,
                                        List<Class<? extends Throwable>[]> failures) {
        int attempt = Math.max(1, failures.size());
        long window = Math.min(ceilingMillis, firstMillis << Math.min(attempt - 1, 20));
        return window / 2 + ThreadLocalRandom.current().nextLong(window / 2 + 1);
    }

    public static final class Builder extends AbstractRetryScheduler.Builder<Builder> {
        private long firstMillis = 25;
        private long ceilingMillis = 400;
        private Predicate<Throwable> retryable = failure -> false;

        /** Which failures are worth another attempt (judged on the failure as a whole). */
        public Builder retryWhen(Predicate<Throwable> retryable) {
            this.retryable = retryable;
            return this;
        }

        public Builder firstMillis(long firstMillis) {
            this.firstMillis = firstMillis;
            return this;
        }

        public Builder ceilingMillis(long ceilingMillis) {
            this.ceilingMillis = ceilingMillis;
            return this;
        }

        public JitteredRetryScheduler build() {
            validate();
            return new JitteredRetryScheduler(this);
        }
    }
}
