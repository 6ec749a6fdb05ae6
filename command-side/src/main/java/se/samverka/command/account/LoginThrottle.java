package se.samverka.command.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.samverka.command.protection.TooManyRequestsException;

/**
 * Password guessing against one account, from however many addresses: after
 * {@code allowed} wrong passwords in a row the account takes no login for a minute, doubling
 * with each further wrong one up to 15 minutes. A right password resets the count. (The
 * per-address limit is in {@code RateLimitFilter}.) The price: a guesser can keep an account
 * locked; the lock is short and lifts by itself.
 */
@Component
class LoginThrottle {
    private static final long BASE_LOCK_MILLIS = 60_000;
    private static final long MAX_LOCK_MILLIS = 15 * 60_000;
    private static final int MAX_ACCOUNTS = 100_000;

    private final Clock clock;
    private final int allowed;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, @Value("${samverka.limits.login-failures-per-account:5}") int allowed) {
        this.clock = clock;
        this.allowed = allowed;
    }

    private record Failures(int count, long lockedUntil) {
    }

    void checkAllowed(String username) {
        Failures current = failures.get(key(username));
        long now = clock.millis();
        if (current != null && current.lockedUntil() > now) {
            throw new TooManyRequestsException("too many wrong passwords for this account; try again later",
                    Math.max(1, (current.lockedUntil() - now + 999) / 1000));
        }
    }

    void failed(String username) {
        if (failures.size() > MAX_ACCOUNTS) {
            failures.clear();
        }
        long now = clock.millis();
        failures.compute(key(username), (k, current) -> {
            int count = current == null ? 1 : current.count() + 1;
            long lock = count < allowed ? 0
                    : Math.min(MAX_LOCK_MILLIS, BASE_LOCK_MILLIS << Math.min(10, count - allowed));
            return new Failures(count, lock == 0 ? 0 : now + lock);
        });
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
