package se.samverka.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a command request with an {@code Idempotency-Key} header safe to retry: the first
 * request claims the key, its command marks the claim applied in the same transaction as its
 * events, and its answer is stored before it is sent. A retry with the same key, caller, path
 * and body gets that answer again (with {@code Idempotency-Replayed: true}) and changes
 * nothing. Nothing applied and a transient answer (5xx, 408, 409, 429): the key is released so
 * a retry runs the command. The same key with another body is a 422.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    /** The request attribute holding the claimed key's hash, for the commands the request sends. */
    public static final String ATTRIBUTE = IdempotencyFilter.class.getName();
    static final int MAX_BODY = 1024 * 1024;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<Integer> TRANSIENT = Set.of(408, 409, 425, 429);
    private static final long WAIT_FOR_FIRST_MILLIS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotentRequests requests;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotentRequests requests, ObjectMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !COMMAND_METHODS.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!SANE.matcher(key).matches()) {
            problem(response, HttpStatus.BAD_REQUEST, "validation",
                    "Idempotency-Key: 8 to 128 letters, digits or . _ : -");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "the request body is too large");
            return;
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String keyHash = sha256((nullToEmpty(request.getHeader(HttpHeaders.AUTHORIZATION)) + "\n"
                + request.getMethod() + " " + request.getRequestURI() + query + "\n" + key)
                .getBytes(StandardCharsets.UTF_8));
        String fingerprint = sha256(body);

        IdempotentRequests.Claim claim;
        try {
            claim = claimWaitingForFirst(keyHash, fingerprint);
        } catch (DataAccessException e) {
            log.warn("Idempotency store unavailable: {}", e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
            problem(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "the service cannot reach its store right now; nothing was changed; try again");
            return;
        }
        if (claim instanceof IdempotentRequests.Claim.Answered answered) {
            replay(response, answered.answer());
        } else if (claim instanceof IdempotentRequests.Claim.OtherRequest) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "this Idempotency-Key was used for a different request");
        } else if (claim instanceof IdempotentRequests.Claim.InProgress) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(response, HttpStatus.CONFLICT, "request-in-progress",
                    "the first request with this Idempotency-Key is still running; try again");
        } else if (claim instanceof IdempotentRequests.Claim.AppliedWithoutAnswer) {
            problem(response, HttpStatus.CONFLICT, "already-applied",
                    "this request was applied, but its answer was lost; reload the current state");
        } else {
            runFirst(request, response, chain, keyHash, body);
        }
    }

    private IdempotentRequests.Claim claimWaitingForFirst(String keyHash, String fingerprint) {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST_MILLIS * 1_000_000;
        while (true) {
            IdempotentRequests.Claim claim = requests.claim(keyHash, fingerprint);
            // Applied without an answer yet: the first request is storing it right now (or died doing so).
            boolean firstStillRunning = claim instanceof IdempotentRequests.Claim.InProgress
                    || claim instanceof IdempotentRequests.Claim.AppliedWithoutAnswer;
            if (!firstStillRunning || System.nanoTime() > deadline) {
                return claim;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return claim;
            }
        }
    }

    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                          String keyHash, byte[] body) throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, keyHash);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new BodyRequest(request, body), captured);
        } catch (ServletException | IOException | RuntimeException e) {
            releaseQuietly(keyHash);
            throw e;
        }
        int status = captured.getStatus();
        try {
            if ((status < 500 && !TRANSIENT.contains(status)) || requests.isApplied(keyHash)) {
                requests.answer(keyHash, new IdempotentRequests.Answer(status, captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray()));
            } else {
                requests.release(keyHash);
            }
        } catch (DataAccessException e) {
            // The answer could not be kept: a retry then finds the key applied (or abandoned) and says so.
            log.warn("Could not store the answer for an idempotent request: {}", e.getMessage());
        }
        captured.copyBodyToResponse();
    }

    private void releaseQuietly(String keyHash) {
        try {
            requests.release(keyHash);
        } catch (DataAccessException e) {
            log.warn("Could not release an idempotency key: {}", e.getMessage());
        }
    }

    private static void replay(HttpServletResponse response, IdempotentRequests.Answer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(REPLAYED, "true");
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void problem(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://samverka.se/problems/" + code));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so it can be hashed and still handed on. */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
