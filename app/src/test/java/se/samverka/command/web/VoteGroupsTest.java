package se.samverka.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.RunningSamverka;
import se.samverka.command.messaging.CommandMessagingConfiguration;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.RateCapabilityCommand;
import se.samverka.kernel.workshop.Score;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Votes of one workshop lined up in its lane and run as one group, in the running service with
 * its H2 event store: each vote is answered with the version of its own event and carries its own
 * sender into the store; a refused vote in a group refuses only that vote.
 */
class VoteGroupsTest {
    private static final int VOTES = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private RunningSamverka samverka;
    private WorkshopId workshop;
    private final List<ParticipantId> participants = new ArrayList<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(VOTES);
    private final AtomicInteger sentAlone = new AtomicInteger();
    private final CountDownLatch go = new CountDownLatch(1);

    @BeforeEach
    void workshopWithParticipants() {
        samverka = RunningSamverka.start(dataDir);
        ApiClient api = new ApiClient(samverka.baseUrl());
        JsonNode created = api.createWorkshop(api.loginAdmin(), "Grupperade röster");
        workshop = new WorkshopId(created.get("id").asText());
        for (int i = 0; i < VOTES; i++) {
            participants.add(new ParticipantId(api.join(created.get("joinCode").asText(), "Deltagare " + i,
                    "Kommun " + i).get("participantId").asText()));
        }
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        samverka.close();
    }

    @Test
    void votesOfOneGroupAreStoredTogetherEachWithItsOwnAnswerAndSender() throws Exception {
        List<Object> answers = lineUpAndRun(participants.stream()
                .map(p -> new RateCapabilityCommand(workshop, p, "set-goals", new Score(3))).toList());

        assertThat(sentAlone).hasValue(0);
        List<Rated> stored = ratedEvents();
        assertThat(stored).hasSize(VOTES);
        for (int i = 0; i < VOTES; i++) {
            Rated own = own(stored, participants.get(i));
            assertThat(answers.get(i)).isEqualTo(own.sequence());
            assertThat(own.actor()).isEqualTo("test:" + participants.get(i).value());
        }
    }

    @Test
    void aRefusedVoteRefusesOnlyItselfAndTheOthersAreStoredOnce() throws Exception {
        List<RateCapabilityCommand> commands = new ArrayList<>();
        for (int i = 0; i < VOTES; i++) {
            commands.add(new RateCapabilityCommand(workshop, participants.get(i),
                    i == 2 ? "no-such-capability" : "set-goals", new Score(4)));
        }
        List<Object> answers = lineUpAndRun(commands);

        assertThat(answers.get(2)).isInstanceOf(DomainException.class);
        assertThat(sentAlone).hasValue(VOTES);
        List<Rated> stored = ratedEvents();
        assertThat(stored).hasSize(VOTES - 1);
        for (int i = 0; i < VOTES; i++) {
            if (i != 2) {
                assertThat(answers.get(i)).isEqualTo(own(stored, participants.get(i)).sequence());
            }
        }
        assertThat(stored).noneMatch(rated -> rated.participant().equals(participants.get(2).value()));
    }

    /**
     * Sends the first command, which leads the lane and waits for a permit until the others wait
     * behind it, so all of them run as one group. Answers (or refusals) in the commands' order.
     */
    private List<Object> lineUpAndRun(List<RateCapabilityCommand> commands) throws Exception {
        CommandGateway gateway = samverka.context().getBean(CommandGateway.class);
        VoteGroups.Permits permits = new VoteGroups.Permits() {
            @Override
            public boolean acquire() {
                try {
                    return go.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            @Override
            public void release() {
            }
        };
        VoteGroups groups = new VoteGroups(samverka.context().getBean(CommandBus.class),
                samverka.context().getBean(TransactionManager.class), 64, permits, alone -> {
                    sentAlone.incrementAndGet();
                    return gateway.sendAndWait(alone);
                });
        List<Future<Object>> sent = new ArrayList<>();
        for (RateCapabilityCommand command : commands) {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                    CommandMessagingConfiguration.ACTOR, "test:" + command.participantId().value(),
                    CommandMessagingConfiguration.REQUEST_ID, "vote-groups-test")));
            sent.add(callers.submit(() -> {
                try {
                    return groups.send(workshop, message);
                } catch (RuntimeException refused) {
                    return refused;
                }
            }));
            int lined = sent.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> groups.waiting(workshop) == lined);
        }
        go.countDown();
        List<Object> answers = new ArrayList<>();
        for (Future<Object> answer : sent) {
            answers.add(answer.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private record Rated(long sequence, String participant, String actor) {
    }

    private List<Rated> ratedEvents() throws Exception {
        List<Rated> rated = new ArrayList<>();
        for (Map<String, Object> row : samverka.context().getBean(JdbcTemplate.class).queryForList(
                "SELECT sequenceNumber, payload, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                        + "AND payloadType LIKE '%CapabilityRatedEvent' ORDER BY sequenceNumber", workshop.value())) {
            JsonNode payload = JSON.readTree(new String((byte[]) row.get("PAYLOAD"), StandardCharsets.UTF_8));
            JsonNode metaData = JSON.readTree(new String((byte[]) row.get("METADATA"), StandardCharsets.UTF_8));
            JsonNode participant = payload.get("participantId");
            rated.add(new Rated(((Number) row.get("SEQUENCENUMBER")).longValue(),
                    participant.isObject() ? participant.get("value").asText() : participant.asText(),
                    metaData.get(CommandMessagingConfiguration.ACTOR).asText()));
        }
        return rated;
    }

    private static Rated own(List<Rated> stored, ParticipantId participant) {
        return stored.stream().filter(rated -> rated.participant().equals(participant.value())).findFirst()
                .orElseThrow(() -> new AssertionError("no rating stored for " + participant.value()));
    }
}
