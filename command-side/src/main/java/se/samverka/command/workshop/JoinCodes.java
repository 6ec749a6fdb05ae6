package se.samverka.command.workshop;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * The set-wide rule that a join code belongs to one workshop. The claim is written in the
 * transaction that appends the workshop's first event, so the two never disagree.
 */
@Component
public class JoinCodes {
    /** No 0/O or 1/I: codes are read off a projector and typed on phones. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 6;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public JoinCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A code no workshop has yet; a race for it is caught by {@link #claim}. */
    public String newUnusedCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = randomCode();
            if (find(code).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("no free join code found");
    }

    public Optional<WorkshopId> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        List<String> ids = jdbc.queryForList("SELECT workshop_id FROM join_code WHERE code = ?", String.class,
                normalise(code));
        return ids.stream().findFirst().map(WorkshopId::new);
    }

    void claim(String code, WorkshopId workshopId) {
        try {
            jdbc.update("INSERT INTO join_code (code, workshop_id) VALUES (?, ?)", code, workshopId.value());
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("join-code-taken", "the join code is already in use");
        }
    }

    static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private String randomCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
