package se.samverka.command.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.access.TokenCodec;
import se.samverka.kernel.problem.DomainException;

/** Facilitators log in with username and password and get a bearer token. */
@RestController
@RequestMapping("/api/v1/auth")
public class LoginController {
    static final Duration FACILITATOR_TOKEN_LIFETIME = Duration.ofHours(12);

    private final FacilitatorAccounts accounts;
    private final TokenCodec tokens;
    private final LoginThrottle throttle;

    public LoginController(FacilitatorAccounts accounts, TokenCodec tokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    public record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    /** {@code admin}: whether the account manages the others (the web client shows it the accounts screen). */
    public record LoginResponse(String token, String username, String role, boolean admin) {
    }

    @PostMapping("/login")
    public LoginResponse login(@Valid @RequestBody LoginRequest request) {
        throttle.checkAllowed(request.username());
        if (!accounts.verify(request.username(), request.password())) {
            throttle.failed(request.username());
            throw DomainException.unauthenticated("wrong username or password");
        }
        throttle.succeeded(request.username());
        Caller caller = Caller.facilitator(request.username());
        return new LoginResponse(tokens.issue(caller, FACILITATOR_TOKEN_LIFETIME), request.username(),
                caller.role().name(), accounts.isAdmin(request.username()));
    }
}
