package se.samverka.command.personal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverka.kernel.personal.PersonalDataKeys;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.ParticipantId;

/**
 * The participants' keys in {@code personal_data_key}. A key is made in the transaction that
 * appends the participant's join, and deleted in the one that appends their erasure, so the
 * table and the event store never disagree. Nothing is cached: an erased key must be gone at
 * once for every reader.
 */
public class JdbcPersonalDataKeys implements PersonalDataKeys {
    private static final int KEY_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public JdbcPersonalDataKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] keyFor(ParticipantId participant) {
        List<Row> rows = rows(participant);
        if (!rows.isEmpty()) {
            if (rows.get(0).secret() == null) {
                throw DomainException.conflict("participant-erased", "the participant has been erased");
            }
            return Base64.getDecoder().decode(rows.get(0).secret());
        }
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        jdbc.update("INSERT INTO personal_data_key (participant_id, secret) VALUES (?, ?)", participant.value(),
                Base64.getEncoder().encodeToString(key));
        return key;
    }

    @Override
    public Optional<byte[]> find(ParticipantId participant) {
        return rows(participant).stream().map(Row::secret).filter(java.util.Objects::nonNull).findFirst()
                .map(Base64.getDecoder()::decode);
    }

    @Override
    public void erase(ParticipantId participant) {
        int updated = jdbc.update("UPDATE personal_data_key SET secret = NULL, erased_at = CURRENT_TIMESTAMP"
                + " WHERE participant_id = ? AND secret IS NOT NULL", participant.value());
        if (updated == 0 && rows(participant).isEmpty()) {
            // Joined before keys existed: note the erasure anyway, so no key is ever made for them.
            jdbc.update("INSERT INTO personal_data_key (participant_id, secret, erased_at)"
                    + " VALUES (?, NULL, CURRENT_TIMESTAMP)", participant.value());
        }
    }

    private record Row(String secret) {
    }

    private List<Row> rows(ParticipantId participant) {
        return jdbc.query("SELECT secret FROM personal_data_key WHERE participant_id = ?",
                (rs, n) -> new Row(rs.getString(1)), participant.value());
    }
}
