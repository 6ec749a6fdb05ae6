package se.samverka.command.messaging;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;

/**
 * Retries after a random pause that doubles with each attempt, up to a ceiling. Within one
 * node the aggregate lock serialises writers, but command nodes only meet at the event store's
 * unique key: two nodes that lost a race to each other and retried after the same fixed pause
 * would meet again, and again. A random pause spreads them out, so each retry has a fair chance.
 */
public final class JitteredRetryScheduler extends AbstractRetryScheduler {
    private final long firstMillis;
    private final long ceilingMillis;

    private JitteredRetryScheduler(Builder builder) {
        super(builder);
        this.firstMillis = builder.firstMillis;
        this.ceilingMillis = builder.ceilingMillis;
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
