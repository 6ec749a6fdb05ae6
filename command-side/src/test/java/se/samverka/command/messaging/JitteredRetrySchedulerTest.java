package se.samverka.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.problem.DomainException;

class JitteredRetrySchedulerTest {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final JitteredRetryScheduler scheduler = JitteredRetryScheduler.builder()
            .retryExecutor(executor)
            .firstMillis(20)
            .ceilingMillis(160)
            .maxRetryCount(3)
            .retryWhen(CommandMessagingConfiguration::isConcurrencyConflict)
            .build();
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("rate");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** As the event store reports it: the conflict wraps the database's duplicate-key error. */
    private static RuntimeException conflict() {
        return new ConcurrencyException("sequence taken", new RuntimeException("append failed",
                new SQLException("duplicate key value violates unique constraint", "23505")));
    }

    @Test
    void givenConflictCausedByDuplicateKey_whenScheduled_thenRetried() throws Exception {
        CountDownLatch retried = new CountDownLatch(1);
        boolean scheduled = scheduler.scheduleRetry(command, conflict(), failures(1), retried::countDown);
        assertThat(scheduled).isTrue();
        assertThat(retried.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givenDomainRefusal_whenScheduled_thenNotRetried() {
        RuntimeException refusal = DomainException.conflict("round-closed", "round closed");
        assertThat(scheduler.scheduleRetry(command, refusal, failures(1), () -> { })).isFalse();
    }

    @Test
    void givenTooManyAttempts_whenScheduled_thenGivesUp() {
        assertThat(scheduler.scheduleRetry(command, conflict(), failures(4), () -> { })).isFalse();
    }

    @Test
    void givenAttempts_whenPausing_thenRandomWithinAGrowingWindowUpToTheCeiling() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            long window = Math.min(160, 20L << (attempt - 1));
            for (int i = 0; i < 200; i++) {
                long pause = scheduler.computeRetryInterval(command, conflict(), failures(attempt));
                assertThat(pause).as("attempt %d", attempt).isBetween(window / 2, window);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
