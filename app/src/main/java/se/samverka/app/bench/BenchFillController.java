package se.samverka.app.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.app.role.RoleConditions;
import se.samverka.command.messaging.CommandMessagingConfiguration;
import se.samverka.kernel.access.TokenCodec;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.ParticipantRemovedEvent;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Fills the event store for the replay benchmark (W3) faster than commands can: appends free
 * rating events to a workshop exactly as its aggregate would have decided them (a joined
 * participant, a capability of the model, a score different from the one it replaces, the
 * replaced score as {@code previousScore}, the participant as actor), in transactions of 1,000
 * events. Sending 100,000 rating commands takes minutes; what W3 measures is the replay.
 *
 * <p>The workshop must be idle (no round open, no commands meanwhile): the events go past its
 * aggregate, whose cached copy is therefore evicted. Exists only when
 * {@code samverka.bench.enabled=true}; never in a normal deployment.
 */
@RestController
@RequestMapping("/api/v1/bench")
@ConditionalOnProperty(name = "samverka.bench.enabled", havingValue = "true")
@Conditional(RoleConditions.ServesCommands.class)
public class BenchFillController {
    private static final int CHUNK = 1_000;

    private final TokenCodec tokens;
    private final EventStore events;
    private final Cache workshopCache;

    public BenchFillController(TokenCodec tokens, EventStore events, @Qualifier("workshopCache") Cache workshopCache) {
        this.tokens = tokens;
        this.events = events;
        this.workshopCache = workshopCache;
    }

    @PostMapping("/workshops/{workshopId}/ratings")
    public Map<String, Object> fill(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                    @PathVariable String workshopId, @RequestParam int events,
                                    @RequestParam(defaultValue = "1") long seed) {
        tokens.verifyAuthorization(authorization).requireFacilitator();
        if (events < 1 || events > 1_000_000) {
            throw new IllegalArgumentException("events must be between 1 and 1,000,000");
        }
        Stream stream = read(workshopId);
        if (stream.participants.isEmpty() || stream.capabilities.isEmpty() || stream.roundOpened) {
            throw new IllegalArgumentException("the workshop needs participants and no round ever opened");
        }
        List<ParticipantId> participants = new ArrayList<>(stream.participants);
        List<String> capabilities = new ArrayList<>(stream.capabilities);
        Random random = new Random(seed);
        WorkshopId workshop = new WorkshopId(workshopId);
        long sequence = stream.lastSequence;
        int appended = 0;
        try {
            while (appended < events) {
                List<GenericDomainEventMessage<?>> chunk = new ArrayList<>();
                for (int i = 0; i < CHUNK && appended < events; i++, appended++) {
                    ParticipantId participant = participants.get(random.nextInt(participants.size()));
                    String capability = capabilities.get(random.nextInt(capabilities.size()));
                    String key = participant.value() + "/" + capability;
                    Integer previous = stream.ratings.get(key);
                    int score = 1 + random.nextInt(5);
                    if (previous != null && previous == score) {
                        score = score % 5 + 1; // the same score again would be no event
                    }
                    stream.ratings.put(key, score);
                    chunk.add(new GenericDomainEventMessage<>(stream.type, workshopId, ++sequence,
                            new CapabilityRatedEvent(workshop, participant, capability, score, previous, Instant.now()),
                            MetaData.with(CommandMessagingConfiguration.ACTOR, "participant:" + participant.value())
                                    .and(CommandMessagingConfiguration.REQUEST_ID, "bench-fill")));
                }
                this.events.publish(chunk);
            }
        } finally {
            workshopCache.remove(workshopId);
        }
        return Map.of("workshopId", workshopId, "appended", appended, "lastSequence", sequence);
    }

    private Stream read(String workshopId) {
        Stream stream = new Stream();
        DomainEventStream stored = events.readEvents(workshopId);
        while (stored.hasNext()) {
            var message = stored.next();
            stream.type = message.getType();
            stream.lastSequence = message.getSequenceNumber();
            Object payload = message.getPayload();
            if (payload instanceof WorkshopCreatedEvent created) {
                created.capabilityModel().flatten().forEach(c -> stream.capabilities.add(c.id()));
            } else if (payload instanceof ParticipantJoinedEvent joined) {
                stream.participants.add(joined.participantId());
            } else if (payload instanceof ParticipantRemovedEvent removed) {
                stream.participants.remove(removed.participantId());
            } else if (payload instanceof RoundOpenedEvent) {
                stream.roundOpened = true;
            } else if (payload instanceof CapabilityRatedEvent rated && rated.roundId() == null
                    && rated.dimension() == null) {
                stream.ratings.put(rated.participantId().value() + "/" + rated.capabilityId(), rated.score());
            }
        }
        if (stream.type == null) {
            throw new IllegalArgumentException("no workshop " + workshopId);
        }
        return stream;
    }

    /** What the aggregate knows that a realistic rating depends on. */
    private static final class Stream {
        String type;
        long lastSequence = -1;
        final LinkedHashSet<ParticipantId> participants = new LinkedHashSet<>();
        final LinkedHashSet<String> capabilities = new LinkedHashSet<>();
        final Map<String, Integer> ratings = new HashMap<>();
        boolean roundOpened;
    }
}
