package se.samverka.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.kernel.access.TokenCodec;

/** The clock and the token key both sides share in this process. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {
    static final String SECRET_FILE = "token-secret";

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Tokens must stay valid across a restart, so the key is configured
     * ({@code SAMVERKA_TOKEN_SECRET}, required when several nodes verify tokens) or generated
     * once and kept in the data directory.
     */
    @Bean
    public TokenCodec tokenCodec(@Value("${samverka.token.secret:}") String configured,
                                 @Value("${samverka.data-dir}") Path dataDir, Clock clock) {
        byte[] secret = configured.isBlank() ? storedSecret(dataDir) : configured.getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("SAMVERKA_TOKEN_SECRET needs at least 32 characters");
        }
        return new TokenCodec(secret, clock);
    }

    static byte[] storedSecret(Path dataDir) {
        Path file = dataDir.resolve(SECRET_FILE);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(dataDir);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own permissions must protect it
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key in " + dataDir, e);
        }
    }
}
