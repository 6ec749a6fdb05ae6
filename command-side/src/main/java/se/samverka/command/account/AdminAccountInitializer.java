package se.samverka.command.account;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Makes sure the initial facilitator account exists and is the admin, who manages the others. Without a configured password a random
 * one is generated and logged once: the only time anyone can read it.
 */
@Component
public class AdminAccountInitializer implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);

    private final FacilitatorAccounts accounts;
    private final String username;
    private final String password;

    public AdminAccountInitializer(FacilitatorAccounts accounts,
                                   @Value("${samverka.admin.username:admin}") String username,
                                   @Value("${samverka.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            createUnlessPresent();
        } catch (DuplicateKeyException createdByAnotherNode) {
            // Command nodes starting together on a new database: one of them created it first.
            log.info("Facilitator account '{}' was created by another command node", username);
        }
    }

    private void createUnlessPresent() {
        if (accounts.exists(username)) {
            accounts.makeAdmin(username);
            return;
        }
        if (password.isBlank()) {
            byte[] bytes = new byte[15];
            new SecureRandom().nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            accounts.create(username, generated);
            log.warn("Created facilitator account '{}' with the generated password: {} "
                    + "(shown once; set SAMVERKA_ADMIN_PASSWORD to choose it)", username, generated);
        } else {
            accounts.create(username, password);
            log.info("Created facilitator account '{}' with the configured password", username);
        }
        accounts.makeAdmin(username);
    }
}
