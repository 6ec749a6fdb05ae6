package se.samverka.command.account;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import se.samverka.kernel.access.DisabledAccounts;
import se.samverka.kernel.problem.DomainException;

/** Facilitator accounts with BCrypt-hashed passwords, kept beside (not in) the event store. */
@Component
public class FacilitatorAccounts implements DisabledAccounts {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final JdbcTemplate jdbc;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    /**
     * Compared against when the user is unknown, so a wrong username costs as long as a wrong
     * password. A fixed hash (of two random UUIDs, thrown away) at the encoder's default cost 10
     * rather than one computed in the constructor: hashing it cost a BCrypt round at every start
     * (issue 8), and a match against it is never reported as a login anyway.
     */
    private static final String DECOY_HASH = "$2a$10$UPfzdXvpEwK.qu1ktciZG.UmhAA4AR0clv/jwJa9DwJOKfOkiocTC";

    public FacilitatorAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String username) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM facilitator_account WHERE username = ?",
                Integer.class, username);
        return count != null && count > 0;
    }

    public void create(String username, String password) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is 2-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        jdbc.update("INSERT INTO facilitator_account (username, password_hash) VALUES (?, ?)", username,
                encoder.encode(password));
    }

    /** Whether the username and password match an account that is not disabled. */
    public boolean verify(String username, String password) {
        List<String> hashes = jdbc.queryForList("SELECT password_hash FROM facilitator_account"
                + " WHERE username = ? AND disabled = FALSE", String.class, username);
        if (hashes.isEmpty()) {
            encoder.matches(password, DECOY_HASH);
            return false;
        }
        return encoder.matches(password, hashes.get(0));
    }

    /** An account as the admin screen shows it; never its password hash. */
    public record Account(String username, boolean admin, boolean disabled, java.time.Instant createdAt) {
    }

    public List<Account> list() {
        return jdbc.query("SELECT username, is_admin, disabled, created_at FROM facilitator_account ORDER BY username",
                (rs, row) -> new Account(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant()));
    }

    public boolean isAdmin(String username) {
        return Boolean.TRUE.equals(jdbc.query("SELECT is_admin FROM facilitator_account WHERE username = ?"
                + " AND disabled = FALSE", rs -> rs.next() ? rs.getBoolean(1) : false, username));
    }

    /** Whether the account exists and is disabled; an unknown name is not "disabled" (its tokens cannot exist). */
    @Override
    public boolean isDisabled(String username) {
        return Boolean.TRUE.equals(jdbc.query("SELECT disabled FROM facilitator_account WHERE username = ?",
                rs -> rs.next() ? rs.getBoolean(1) : false, username));
    }

    /** Makes the account an admin (the initial account is one). */
    public void makeAdmin(String username) {
        jdbc.update("UPDATE facilitator_account SET is_admin = TRUE WHERE username = ?", username);
    }

    /** Disables or enables an account; an admin cannot disable itself, so one admin always remains. */
    public void setDisabled(String admin, String username, boolean disabled) {
        if (disabled && admin.equals(username)) {
            throw DomainException.conflict("cannot-disable-self", "an admin cannot disable their own account");
        }
        if (jdbc.update("UPDATE facilitator_account SET disabled = ? WHERE username = ?", disabled, username) == 0) {
            throw DomainException.notFound("unknown-account", "no account '" + username + "'");
        }
    }

    /** Sets a new password (the admin's reset). */
    public void resetPassword(String username, String password) {
        requirePassword(password);
        if (jdbc.update("UPDATE facilitator_account SET password_hash = ? WHERE username = ?",
                encoder.encode(password), username) == 0) {
            throw DomainException.notFound("unknown-account", "no account '" + username + "'");
        }
    }

    static void requirePassword(String password) {
        if (password == null || password.length() < 8) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-password",
                    "a password needs at least 8 characters");
        }
    }
}
