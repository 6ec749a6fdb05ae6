package se.samverka.kernel.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Issues and verifies bearer tokens: the caller and an expiry, signed with HMAC-SHA256.
 *
 * <p>Tokens are stateless on purpose: they survive a restart of the service (a participant's
 * phone is not thrown out) and any node holding the same key can verify them. The payload is
 * a plain, versioned text rather than JSON so this kernel needs no JSON library.
 */
public final class TokenCodec {
    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    public TokenCodec(byte[] secret, Clock clock) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the token key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
    }

    /** A token for {@code caller} that is valid for {@code lifetime} from now. */
    public String issue(Caller caller, Duration lifetime) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String workshop = caller.workshopId() == null ? "-" : caller.workshopId().value();
        String payload = String.join("|", VERSION, caller.role().name(), caller.subject(), workshop,
                Long.toString(expires));
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(sign(payloadBytes));
    }

    /** The caller a valid token stands for; refuses malformed, forged and expired tokens. */
    public Caller verify(String token) {
        if (token == null) {
            throw DomainException.unauthenticated("a bearer token is required");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        byte[] payloadBytes;
        byte[] signature;
        try {
            payloadBytes = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(sign(payloadBytes), signature)) {
            throw invalid();
        }
        String[] parts = new String(payloadBytes, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        try {
            if (Instant.ofEpochSecond(Long.parseLong(parts[4])).isBefore(clock.instant())) {
                throw DomainException.unauthenticated("the token has expired; log in or join again");
            }
            Role role = Role.valueOf(parts[1]);
            WorkshopId workshop = "-".equals(parts[3]) ? null : new WorkshopId(parts[3]);
            return new Caller(role, parts[2], workshop);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** Reads an HTTP {@code Authorization} header value or STOMP native header of the form {@code Bearer <token>}. */
    public Caller verifyAuthorization(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw DomainException.unauthenticated("a bearer token is required");
        }
        String prefix = "Bearer ";
        if (!authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw DomainException.unauthenticated("the Authorization header must be 'Bearer <token>'");
        }
        return verify(authorization.substring(prefix.length()).trim());
    }

    // --- Signed links (survey respondents, issue 10) -------------------------------------------

    /**
     * A link token for {@code purpose}: the payload and an HMAC over purpose and payload with the
     * same key as bearer tokens, so any node can check it and nobody can make one up. It has no
     * expiry: what it grants ends with the thing it points to (a survey closes).
     */
    public String signLink(String purpose, String payload) {
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(
                sign((purpose + "\n" + payload).getBytes(StandardCharsets.UTF_8)));
    }

    /** The payload of a link made by {@link #signLink} for {@code purpose}; empty when malformed or forged. */
    public java.util.Optional<String> verifyLink(String purpose, String token) {
        if (token == null || token.length() > 512) {
            return java.util.Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return java.util.Optional.empty();
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            boolean valid = MessageDigest.isEqual(sign((purpose + "\n" + payload).getBytes(StandardCharsets.UTF_8)),
                    signature);
            return valid ? java.util.Optional.of(payload) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static DomainException invalid() {
        return DomainException.unauthenticated("the token is not valid");
    }
}
