package se.samverka.command.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.problem.DomainException;

/**
 * The admin manages facilitator accounts: lists them, creates one, disables or enables one, and
 * resets a password. A password the admin does not choose is generated and answered once, for
 * the admin to hand over; it is never stored or shown again. Accounts are not events (they hold
 * secrets), so these changes are not in any project's audit trail.
 */
@RestController
@RequestMapping("/api/v1/accounts")
public class AccountController {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FacilitatorAccounts accounts;

    public AccountController(FacilitatorAccounts accounts) {
        this.accounts = accounts;
    }

    public record CreateAccountRequest(@NotBlank @Size(max = 64) String username, @Size(max = 200) String password) {
    }

    public record DisabledRequest(@NotNull Boolean disabled) {
    }

    public record PasswordRequest(@Size(max = 200) String password) {
    }

    /** The account's name and, when the server chose it, its new password (null when the admin chose it). */
    public record Credentials(String username, String generatedPassword) {
    }

    @GetMapping
    public List<FacilitatorAccounts.Account> list(Caller caller) {
        requireAdmin(caller);
        return accounts.list();
    }

    @PostMapping
    public ResponseEntity<Credentials> create(Caller caller, @Valid @RequestBody(required = false)
                                              CreateAccountRequest request) {
        requireAdmin(caller);
        if (request == null) {
            throw new DomainException(DomainException.Kind.INVALID, "validation", "a username is required");
        }
        String username = request.username().strip();
        if (!FacilitatorAccounts.USERNAME.matcher(username).matches()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-username",
                    "a username is 2-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (accounts.exists(username)) {
            throw DomainException.conflict("account-exists", "there is already an account '" + username + "'");
        }
        String generated = request.password() == null || request.password().isEmpty() ? generate() : null;
        String password = generated == null ? request.password() : generated;
        FacilitatorAccounts.requirePassword(password);
        accounts.create(username, password);
        return ResponseEntity.status(201).body(new Credentials(username, generated));
    }

    /** Disabling refuses the account's logins and every token it holds; enabling lets it log in again. */
    @PutMapping("/{username}/disabled")
    public FacilitatorAccounts.Account disable(Caller caller, @PathVariable String username,
                                               @Valid @RequestBody DisabledRequest request) {
        String admin = requireAdmin(caller);
        accounts.setDisabled(admin, username, request.disabled());
        return find(username);
    }

    @PostMapping("/{username}/password")
    public Credentials resetPassword(Caller caller, @PathVariable String username,
                                     @Valid @RequestBody(required = false) PasswordRequest request) {
        requireAdmin(caller);
        String given = request == null ? null : request.password();
        String generated = given == null || given.isEmpty() ? generate() : null;
        accounts.resetPassword(username, generated == null ? given : generated);
        return new Credentials(username, generated);
    }

    private FacilitatorAccounts.Account find(String username) {
        return accounts.list().stream().filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow(() -> DomainException.notFound("unknown-account", "no account '" + username + "'"));
    }

    private String requireAdmin(Caller caller) {
        String username = caller.requireFacilitator().subject();
        if (!accounts.isAdmin(username)) {
            throw DomainException.forbidden("only an admin may manage accounts");
        }
        return username;
    }

    private static String generate() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
