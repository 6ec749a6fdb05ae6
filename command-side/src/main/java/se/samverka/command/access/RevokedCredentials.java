package se.samverka.command.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.access.Revocations;

/**
 * The revocation list in the relational store ({@code revoked_credential}). Every node that
 * accepts tokens reads the same table, so a removal counts on all of them at once; a lookup is
 * one primary-key read.
 */
@Component
public class RevokedCredentials implements Revocations {
    private final JdbcTemplate jdbc;

    public RevokedCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Revokes the credential; called inside the unit of work of the command that revokes, so
     * it commits or rolls back with that command's events.
     */
    public void revoke(Caller caller, Instant at) {
        if (!isRevoked(caller)) {
            jdbc.update("INSERT INTO revoked_credential (actor, workshop_id, revoked_at) VALUES (?, ?, ?)",
                    caller.actor(), caller.workshopId() == null ? null : caller.workshopId().value(),
                    Timestamp.from(at));
        }
    }

    @Override
    public boolean isRevoked(Caller caller) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM revoked_credential WHERE actor = ?", Integer.class,
                caller.actor());
        return found != null && found > 0;
    }

    @Override
    public Set<String> revokedSince(Instant since) {
        return new HashSet<>(jdbc.queryForList("SELECT actor FROM revoked_credential WHERE revoked_at >= ?",
                String.class, Timestamp.from(since)));
    }
}
