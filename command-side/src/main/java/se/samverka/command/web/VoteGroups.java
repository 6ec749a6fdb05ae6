package se.samverka.command.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.CannotCreateTransactionException;
import se.samverka.kernel.workshop.CastScenarioVoteCommand;
import se.samverka.kernel.workshop.RateCapabilityCommand;
import se.samverka.kernel.workshop.VoteResponsibilityModeCommand;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Group commit for the votes of one workshop. A workshop's commands are serialised by its
 * aggregate lock, and each paid a commit of the event store under that lock: with 2,000 phones
 * voting within ten seconds the votes queued behind each other's commits for half a second
 * (docs/benchmarks.md). Votes that arrive while one of the workshop's groups runs now wait in
 * the workshop's lane, and the next group runs them one after the other in a single
 * transaction: each vote still is a command of its own (own unit of work, metadata, interceptors,
 * answer), but their events are stored, and the lock taken, once per group.
 *
 * <p>All or nothing, then one by one: if any vote of a group is refused, or the group's commit
 * fails, nothing of the group is stored and every vote in it is sent again alone, as it would
 * have been without grouping, so each caller gets exactly its own answer. A vote's answer is
 * given only after its group committed.
 *
 * <p>Whoever finds the lane idle leads: it runs one group (its own vote first) and hands the
 * lane to the vote at its head, so no request thread runs more than one group. Votes waiting
 * in the lane hold no permit of {@link CommandSender}'s limit; a group takes one while it runs.
 */
final class VoteGroups {
    private final CommandBus commandBus;
    private final TransactionManager transactionManager;
    private final int maxGroup;
    private final Permits permits;
    private final Function<CommandMessage<?>, Object> alone;
    private final ConcurrentHashMap<WorkshopId, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * {@code permits} is the limit on commands running at once (a group takes one while it runs),
     * {@code alone} sends one command the ordinary way, with its retries.
     */
    VoteGroups(CommandBus commandBus, TransactionManager transactionManager, int maxGroup, Permits permits,
               Function<CommandMessage<?>, Object> alone) {
        this.commandBus = commandBus;
        this.transactionManager = transactionManager;
        this.maxGroup = maxGroup;
        this.permits = permits;
        this.alone = alone;
    }

    /**
     * The workshop whose lane the command waits in, or null when it is not grouped. Votes are:
     * many callers, one workshop, and no vote's answer depends on another of its group.
     */
    WorkshopId laneOf(Object command) {
        if (maxGroup < 2) {
            return null;
        } else if (command instanceof RateCapabilityCommand rate) {
            return rate.workshopId();
        } else if (command instanceof VoteResponsibilityModeCommand mode) {
            return mode.workshopId();
        } else if (command instanceof CastScenarioVoteCommand scenario) {
            return scenario.workshopId();
        }
        return null;
    }

    /**
     * Sends the command in its workshop's lane and waits for its own answer. Without a permit
     * within the wait, the vote is withdrawn before anything ran and the caller told so.
     */
    Object send(WorkshopId workshop, CommandMessage<?> command) {
        Lane lane = lanes.computeIfAbsent(workshop, id -> new Lane());
        Vote vote = new Vote(command);
        boolean leads;
        synchronized (lane) {
            lane.waiting.add(vote);
            leads = !lane.busy;
            lane.busy = true;
        }
        if (!leads) {
            // Its answer (refusals too) or its turn to lead, whichever comes.
            CompletableFuture.anyOf(vote.answer, vote.turn).exceptionally(refused -> null).join();
        }
        if (!vote.answer.isDone()) {
            lead(workshop, lane, vote);
        }
        try {
            return vote.answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** How many votes wait in the workshop's lane (tests line up a group with it). */
    int waiting(WorkshopId workshop) {
        Lane lane = lanes.get(workshop);
        if (lane == null) {
            return 0;
        }
        synchronized (lane) {
            return lane.waiting.size();
        }
    }

    /** The limit on commands running at once, as {@link CommandSender} keeps it (false: none within its wait). */
    interface Permits {
        boolean acquire();

        void release();
    }

    private void lead(WorkshopId workshop, Lane lane, Vote own) {
        RuntimeException refused = null;
        try {
            if (!permits.acquire()) {
                refused = new CannotCreateTransactionException("too many commands in flight");
            }
        } catch (RuntimeException e) {
            refused = e;
        }
        if (refused != null) {
            // Withdrawn before anything ran; the lane goes on with the next vote.
            synchronized (lane) {
                lane.waiting.remove(own);
                handOver(workshop, lane);
            }
            own.answer.completeExceptionally(refused);
            return;
        }
        List<Vote> group = new ArrayList<>();
        try {
            synchronized (lane) {
                while (group.size() < maxGroup && !lane.waiting.isEmpty()) {
                    group.add(lane.waiting.poll());
                }
            }
            run(group);
        } finally {
            // Whatever went wrong, no caller of the group is left waiting for an answer. Only then is
            // the exception made: its stack trace, taken on every group, was 1.4 % of the request
            // threads' samples at W1 N = 2,000 (perf).
            if (group.stream().anyMatch(vote -> !vote.answer.isDone())) {
                IllegalStateException unanswered =
                        new IllegalStateException("the vote's group ended without an answer");
                group.forEach(vote -> vote.answer.completeExceptionally(unanswered));
            }
            permits.release();
            synchronized (lane) {
                handOver(workshop, lane);
            }
        }
    }

    /** Under the lane's monitor: the vote at the head leads next, or the lane falls idle. */
    private void handOver(WorkshopId workshop, Lane lane) {
        Vote next = lane.waiting.peek();
        if (next != null) {
            next.turn.complete(null);
        } else {
            lane.busy = false;
            // An idle lane is dropped; a vote that already holds it still runs there, and the
            // aggregate lock keeps such a lane and a new one from deciding at the same time.
            lanes.remove(workshop, lane);
        }
    }

    private void run(List<Vote> group) {
        if (group.size() == 1 || !runTogether(group)) {
            for (Vote vote : group) {
                try {
                    vote.answer.complete(alone.apply(vote.command));
                } catch (RuntimeException e) {
                    vote.answer.completeExceptionally(e);
                }
            }
        }
    }

    /**
     * Runs the group's votes as units of work nested in one that holds the transaction: each
     * nested one commits into it (its events join the outer one's, which stores them all when it
     * commits). Answers the votes and says true only if every vote was taken and the commit held.
     */
    private boolean runTogether(List<Vote> group) {
        UnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(null);
        List<Object> answers = new ArrayList<>(group.size());
        Throwable failure = null;
        try {
            outer.attachTransaction(transactionManager);
            for (Vote vote : group) {
                FutureCallback<Object, Object> callback = new FutureCallback<>();
                commandBus.dispatch(vote.command, callback);
                CommandResultMessage<?> result = callback.getResult();
                if (result.isExceptional()) {
                    failure = result.exceptionResult();
                    break;
                }
                answers.add(result.getPayload());
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure != null) {
            // Nested units that committed roll back with it: the cached workshop is dropped and
            // read again from the store by the votes sent alone next.
            outer.rollback(failure);
            return false;
        }
        try {
            outer.commit();
        } catch (RuntimeException e) {
            return false;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer.complete(answers.get(i));
        }
        return true;
    }

    private static final class Lane {
        final ArrayDeque<Vote> waiting = new ArrayDeque<>();
        boolean busy;
    }

    /** One caller's vote: its answer, or its turn to lead the lane. */
    private static final class Vote {
        final CommandMessage<?> command;
        final CompletableFuture<Object> answer = new CompletableFuture<>();
        final CompletableFuture<Void> turn = new CompletableFuture<>();

        Vote(CommandMessage<?> command) {
            this.command = command;
        }
    }
}
