package se.samverka.command.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.access.DisabledAccounts;
import se.samverka.kernel.access.TokenCodec;
import se.samverka.kernel.problem.DomainException;

/**
 * Refuses (401) every API request, command or query, made with a token of a disabled facilitator
 * account: tokens are self-contained and live 12 hours, so disabling must be checked where they
 * are used. One indexed lookup per facilitator request; participants' tokens are not looked up.
 * Query-only nodes run this filter too, reading the same account table in the shared store.
 * A token that does not verify is left to the endpoints, which answer it as before. Live
 * connections opened before the account was disabled are not closed by this (docs/security.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
public class DisabledAccountFilter extends OncePerRequestFilter {
    private final FacilitatorAccounts accounts;
    private final TokenCodec tokens;
    private final ObjectMapper json;

    public DisabledAccountFilter(FacilitatorAccounts accounts, TokenCodec tokens, ObjectMapper json) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller;
        try {
            caller = tokens.verifyAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (DomainException e) {
            chain.doFilter(request, response);
            return;
        }
        if (accounts.isDisabled(caller)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    DisabledAccounts.DISABLED);
            problem.setType(URI.create("https://samverka.se/problems/account-disabled"));
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType("application/problem+json");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
