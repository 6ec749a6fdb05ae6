package se.samverka.command.account;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Facilitator accounts with BCrypt-hashed passwords, kept beside (not in) the event store. */
@Component
public class FacilitatorAccounts {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final JdbcTemplate jdbc;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    /** Compared against when the user is unknown, so a wrong username costs as long as a wrong password. */
    private final String decoyHash = encoder.encode("decoy-password-never-used");

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

    /** Whether the username and password match an account. */
    public boolean verify(String username, String password) {
        List<String> hashes = jdbc.queryForList("SELECT password_hash FROM facilitator_account WHERE username = ?",
                String.class, username);
        if (hashes.isEmpty()) {
            encoder.matches(password, decoyHash);
            return false;
        }
        return encoder.matches(password, hashes.get(0));
    }
}
