package se.samverka.command.protection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits what one client can send: logins per IP address (against password guessing), joins
 * per IP address (against join-code guessing; generous, because a whole room joins from
 * behind one address), commands per credential and per IP address. Over the limit: a 429
 * problem with {@code Retry-After}. Also refuses request bodies over the size limit (413).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class RateLimitFilter extends OncePerRequestFilter {
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimits limits;
    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final RateLimits.Limit login;
    private final RateLimits.Limit join;
    private final RateLimits.Limit commandsPerCredential;
    private final RateLimits.Limit commandsPerAddress;

    public RateLimitFilter(Clock clock, ObjectMapper json,
                           @Value("${samverka.limits.max-body-bytes:1048576}") long maxBodyBytes,
                           @Value("${samverka.limits.login-per-minute:10}") double loginPerMinute,
                           @Value("${samverka.limits.join-per-minute:300}") double joinPerMinute,
                           @Value("${samverka.limits.commands-per-second:10}") double commandsPerSecond,
                           @Value("${samverka.limits.commands-per-second-per-address:500}") double perAddress) {
        this.limits = new RateLimits(clock);
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.login = new RateLimits.Limit(loginPerMinute, loginPerMinute / 60);
        this.join = new RateLimits.Limit(joinPerMinute, joinPerMinute / 60);
        this.commandsPerCredential = new RateLimits.Limit(commandsPerSecond * 6, commandsPerSecond);
        this.commandsPerAddress = new RateLimits.Limit(perAddress * 6, perAddress);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !COMMAND_METHODS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "the request body is too large");
            return;
        }
        String address = request.getRemoteAddr();
        String path = request.getRequestURI();
        long wait;
        if (path.equals("/api/v1/auth/login")) {
            wait = limits.take("login|" + address, login);
        } else if (path.equals("/api/v1/join")) {
            wait = limits.take("join|" + address, join);
        } else {
            wait = limits.take("address|" + address, commandsPerAddress);
            String credential = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (wait == 0 && credential != null) {
                wait = limits.take("credential|" + credential,
                        commandsPerCredential);
            }
        }
        if (wait > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            problem(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "too many requests; try again in " + wait + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    private void problem(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://samverka.se/problems/" + code));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
