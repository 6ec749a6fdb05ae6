package se.samverka.command.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table of requests sent with an {@code Idempotency-Key}: who claimed a key, whether its
 * command was applied and the answer it got. Each call is its own short transaction, except
 * {@link #markApplied}, which runs inside the command's transaction.
 */
@Component
public class IdempotentRequests {
    /** Answers are kept this long; a client retries within minutes, not days. */
    static final Duration KEPT_FOR = Duration.ofHours(24);
    private static final int PURGE_EVERY = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** A claim this old whose command never committed belongs to a process that died. */
    private final Duration abandonedAfter;
    private final AtomicLong claims = new AtomicLong();

    public IdempotentRequests(JdbcTemplate jdbc, Clock clock,
                              @Value("${samverka.idempotency.abandoned-after:30s}") Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
    }

    /** A stored answer. */
    public record Answer(int status, String contentType, String location, byte[] body) {
    }

    /** What a claim found. */
    public sealed interface Claim {
        record Claimed() implements Claim {}
        record Answered(Answer answer) implements Claim {}
        record OtherRequest() implements Claim {}
        record InProgress() implements Claim {}
        record AppliedWithoutAnswer() implements Claim {}
    }

    public Claim claim(String keyHash, String fingerprint) {
        if (claims.incrementAndGet() % PURGE_EVERY == 0) {
            jdbc.update("DELETE FROM idempotent_request WHERE created_at < ?", ago(KEPT_FOR));
        }
        try {
            jdbc.update("INSERT INTO idempotent_request (key_hash, fingerprint, created_at) VALUES (?, ?, ?)",
                    keyHash, fingerprint, now());
            return new Claim.Claimed();
        } catch (DuplicateKeyException taken) {
            return existing(keyHash, fingerprint);
        }
    }

    private Claim existing(String keyHash, String fingerprint) {
        List<Claim> found = jdbc.query("SELECT fingerprint, applied, status, content_type, location, body, created_at"
                + " FROM idempotent_request WHERE key_hash = ?", (row, n) -> {
            if (!row.getString("fingerprint").equals(fingerprint)) {
                return new Claim.OtherRequest();
            }
            int status = row.getInt("status");
            if (!row.wasNull()) {
                return new Claim.Answered(new Answer(status, row.getString("content_type"),
                        row.getString("location"), row.getBytes("body")));
            }
            if (row.getBoolean("applied")) {
                return new Claim.AppliedWithoutAnswer();
            }
            return new Claim.InProgress();
        }, keyHash);
        if (found.isEmpty()) {
            return claim(keyHash, fingerprint); // released between our insert and our read
        }
        Claim claim = found.get(0);
        if (claim instanceof Claim.InProgress && takeOverAbandoned(keyHash)) {
            return new Claim.Claimed();
        }
        return claim;
    }

    /**
     * Takes over a claim left by a process that died before its command committed. The
     * condition is checked again under the row lock, so a command committing meanwhile wins.
     */
    private boolean takeOverAbandoned(String keyHash) {
        return jdbc.update("UPDATE idempotent_request SET created_at = ? WHERE key_hash = ? AND status IS NULL"
                + " AND applied = FALSE AND created_at < ?", now(), keyHash, ago(abandonedAfter)) == 1;
    }

    /** Called inside the transaction of each command the request sends: it commits or rolls back with the events. */
    public void markApplied(String keyHash) {
        jdbc.update("UPDATE idempotent_request SET applied = TRUE WHERE key_hash = ?", keyHash);
    }

    public boolean isApplied(String keyHash) {
        return Boolean.TRUE.equals(jdbc.query("SELECT applied FROM idempotent_request WHERE key_hash = ?",
                row -> row.next() && row.getBoolean(1), keyHash));
    }

    public void answer(String keyHash, Answer answer) {
        jdbc.update("UPDATE idempotent_request SET status = ?, content_type = ?, location = ?, body = ?"
                        + " WHERE key_hash = ?", answer.status(), answer.contentType(), answer.location(),
                answer.body(), keyHash);
    }

    /** Gives the key back when nothing was applied and the answer was transient (5xx, conflict, throttled). */
    public void release(String keyHash) {
        jdbc.update("DELETE FROM idempotent_request WHERE key_hash = ? AND status IS NULL AND applied = FALSE",
                keyHash);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private Timestamp ago(Duration age) {
        return Timestamp.from(clock.instant().minus(age));
    }
}
