package se.samverka.command.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samverka.kernel.processing.TrackingBatch;
import se.samverka.kernel.project.ProjectId;

/**
 * The project hash chains in the relational store: appending an event's entry, and checking a
 * project's chain against the events as they are stored now.
 *
 * <p>Appends run inside the chaining processor's transaction (the same one that stores its
 * tracking token), so an entry is written once per event; a repeated delivery finds its entry
 * by global index and leaves it as it is.
 */
@Component
public class EventChain {
    private static final Logger log = LoggerFactory.getLogger(EventChain.class);
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public EventChain(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Chains the stored event with this identifier into its project's chain. {@code namedProject}
     * is the project the event itself names; without one the event follows its aggregate.
     * Events of aggregates that belong to no project are not chained. Returns whether an entry
     * was written now.
     */
    public boolean append(String eventIdentifier, String aggregateIdentifier, Optional<ProjectId> namedProject) {
        Batch batch = TrackingBatch.current(BATCH);
        StoredEvent event = batch == null ? storedEvent(eventIdentifier) : batch.stored.get(eventIdentifier);
        if (event == null) {
            // Deleted between being read and being chained: nothing stored is left to vouch for, and
            // stopping here would hold up the chain of every project.
            log.warn("Event {} of {} is gone from the event store; it cannot be chained", eventIdentifier,
                    aggregateIdentifier);
            return false;
        }
        if (batch == null ? isChained(event.globalIndex()) : batch.chained.contains(event.globalIndex())) {
            return false;
        }
        Optional<String> project = namedProject.map(ProjectId::value)
                .map(id -> bind(aggregateIdentifier, id, batch))
                .or(() -> projectOf(aggregateIdentifier, batch));
        if (project.isEmpty()) {
            return false;
        }
        String projectId = project.get();
        Head head = batch == null ? head(projectId) : batch.heads.computeIfAbsent(projectId, this::head);
        Head next = new Head(head.position() + 1, ChainHash.of(head.hash(), event));
        Object[] entry = {event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), projectId, next.position(), head.hash(), next.hash()};
        if (batch == null) {
            jdbc.update(INSERT_ENTRY, entry);
        } else {
            batch.entries.add(entry);
            batch.chained.add(event.globalIndex());
            batch.heads.put(projectId, next);
        }
        return true;
    }

    /**
     * The head of the project's chain, read backwards along the (project_id, chain_position) key:
     * one row on H2 and PostgreSQL alike, where MAX(chain_position) made H2 go through every
     * entry of the project. Position 0 and the genesis hash before the first entry.
     */
    private Head head(String projectId) {
        List<Head> head = jdbc.query("SELECT chain_position, entry_hash FROM event_chain WHERE project_id = ? "
                        + "ORDER BY project_id DESC, chain_position DESC FETCH FIRST 1 ROW ONLY",
                (rows, n) -> new Head(rows.getLong(1), rows.getString(2)), projectId);
        return head.isEmpty() ? new Head(0, ChainHash.GENESIS) : head.get(0);
    }

    private record Head(long position, String hash) {
    }

    private static final String INSERT_ENTRY = "INSERT INTO event_chain (global_index, event_identifier, "
            + "aggregate_identifier, sequence_number, project_id, chain_position, previous_hash, entry_hash) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static final String BATCH = EventChain.class.getName() + ".batch";

    /**
     * Opens a tracking batch: its stored events, and which of them are chained already (a batch
     * handled again after a failure), each read with one query instead of one per event.
     */
    Batch beginBatch(List<String> eventIdentifiers) {
        Batch batch = new Batch();
        if (eventIdentifiers.isEmpty()) {
            return batch;
        }
        jdbc.query("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry WHERE eventIdentifier IN ("
                        + marks(eventIdentifiers.size()) + ")",
                (ResultSet rows) -> {
                    StoredEvent event = stored(rows, "globalIndex");
                    batch.stored.put(event.eventIdentifier(), event);
                }, eventIdentifiers.toArray());
        if (!batch.stored.isEmpty()) {
            List<Long> indexes = batch.stored.values().stream().map(StoredEvent::globalIndex).toList();
            batch.chained.addAll(jdbc.queryForList("SELECT global_index FROM event_chain WHERE global_index IN ("
                    + marks(indexes.size()) + ")", Long.class, indexes.toArray()));
        }
        return batch;
    }

    /** {@code ?, ?, ?} for an IN list of {@code count} parameters. */
    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Ends a tracking batch: its entries in one batched insert, in the transaction of its token. */
    void endBatch(Batch batch) {
        if (!batch.entries.isEmpty()) {
            jdbc.batchUpdate(INSERT_ENTRY, batch.entries);
        }
    }

    /**
     * What one tracking batch of the chaining processor read once (its stored events, which are
     * chained, projects of aggregates, chain heads, followed in memory as it appends) and the
     * entries it writes at its end. One processor thread chains, so no other writer moves a head.
     */
    static final class Batch extends TrackingBatch.State {
        final Map<String, StoredEvent> stored = new HashMap<>();
        final Set<Long> chained = new HashSet<>();
        final Map<String, Optional<String>> members = new HashMap<>();
        final Map<String, Head> heads = new HashMap<>();
        final List<Object[]> entries = new ArrayList<>();

        Batch() {
            super(false); // chaining is not a replay: a reset is not how the chain is rebuilt
        }
    }

    /** Recomputes the project's chain from the stored events and says whether, and where, it breaks. */
    public ChainVerification verify(String projectId) {
        Walk walk = jdbc.query("SELECT c.chain_position, c.global_index, c.event_identifier AS chained_identifier, "
                        + "c.aggregate_identifier AS chained_aggregate, c.sequence_number AS chained_sequence, "
                        + "c.previous_hash, c.entry_hash, e.globalIndex AS stored_index, e.eventIdentifier, "
                        + "e.aggregateIdentifier, e.sequenceNumber, e.type, e.timeStamp, e.payloadType, "
                        + "e.payloadRevision, e.payload, e.metaData "
                        + "FROM event_chain c LEFT JOIN DomainEventEntry e ON e.globalIndex = c.global_index "
                        + "WHERE c.project_id = ? ORDER BY c.chain_position",
                EventChain::walk, projectId);
        Long pending = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry e "
                        + "JOIN event_chain_member m ON m.aggregate_identifier = e.aggregateIdentifier "
                        + "WHERE m.project_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM event_chain c WHERE c.global_index = e.globalIndex)",
                Long.class, projectId);
        return new ChainVerification(projectId, walk.broken == null, walk.checked, pending == null ? 0 : pending,
                walk.head, walk.broken, clock.instant());
    }

    private static final class Walk {
        long checked;
        ChainVerification.Head head;
        ChainVerification.Break broken;
    }

    private static Walk walk(ResultSet rows) throws SQLException {
        Walk walk = new Walk();
        String expectedPrevious = ChainHash.GENESIS;
        long expectedPosition = 1;
        while (rows.next()) {
            long position = rows.getLong("chain_position");
            String reason = null;
            if (position != expectedPosition) {
                reason = "entry-missing";
            } else if (!expectedPrevious.equals(rows.getString("previous_hash"))) {
                reason = "link-broken";
            } else {
                rows.getLong("stored_index");
                if (rows.wasNull() || !rows.getString("chained_identifier").equals(rows.getString("eventIdentifier"))) {
                    reason = "event-missing";
                } else if (!ChainHash.of(expectedPrevious, stored(rows, "stored_index"))
                        .equals(rows.getString("entry_hash"))) {
                    reason = "event-altered";
                }
            }
            if (reason != null) {
                walk.broken = new ChainVerification.Break(position, rows.getLong("global_index"),
                        rows.getString("chained_identifier"), rows.getString("chained_aggregate"),
                        rows.getLong("chained_sequence"), reason);
                return walk;
            }
            walk.checked++;
            expectedPrevious = rows.getString("entry_hash");
            walk.head = new ChainVerification.Head(position, expectedPrevious);
            expectedPosition++;
        }
        return walk;
    }

    private StoredEvent storedEvent(String eventIdentifier) {
        List<StoredEvent> found = jdbc.query("SELECT " + StoredEvent.COLUMNS
                        + " FROM DomainEventEntry WHERE eventIdentifier = ?",
                (rows, n) -> stored(rows, "globalIndex"), eventIdentifier);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Reads a stored event from a row whose global index is in {@code indexColumn}. */
    private static StoredEvent stored(ResultSet rows, String indexColumn) throws SQLException {
        return new StoredEvent(rows.getLong(indexColumn), rows.getString("eventIdentifier"),
                rows.getString("aggregateIdentifier"), rows.getLong("sequenceNumber"), rows.getString("type"),
                rows.getString("timeStamp"), rows.getString("payloadType"), rows.getString("payloadRevision"),
                rows.getBytes("payload"), rows.getBytes("metaData"));
    }

    private boolean isChained(long globalIndex) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM event_chain WHERE global_index = ?", Integer.class,
                globalIndex);
        return count != null && count > 0;
    }

    private String bind(String aggregateIdentifier, String projectId, Batch batch) {
        Optional<String> bound = projectOf(aggregateIdentifier, batch);
        if (bound.isPresent()) {
            return bound.get();
        }
        jdbc.update("INSERT INTO event_chain_member (aggregate_identifier, project_id) VALUES (?, ?)",
                aggregateIdentifier, projectId);
        if (batch != null) {
            batch.members.put(aggregateIdentifier, Optional.of(projectId));
        }
        return projectId;
    }

    private Optional<String> projectOf(String aggregateIdentifier, Batch batch) {
        if (batch != null) {
            return batch.members.computeIfAbsent(aggregateIdentifier, this::projectOf);
        }
        return projectOf(aggregateIdentifier);
    }

    private Optional<String> projectOf(String aggregateIdentifier) {
        return jdbc.queryForList("SELECT project_id FROM event_chain_member WHERE aggregate_identifier = ?",
                String.class, aggregateIdentifier).stream().findFirst();
    }
}
