package se.samverka.query.risk;

import java.time.Instant;

/**
 * One change in a risk's history: what ({@code kind}), when, who and why. Assessments
 * ({@code registered}, {@code reassessed}) carry S, K, the value and the level, so the
 * history draws the risk's trend; an escalation carries the level it rose from.
 */
public record RiskHistoryEntry(long version, String kind, Instant at, String by, String reason, Integer probability,
                               Integer impact, Integer value, String level, String previousLevel, String basis,
                               String actionId, String status) {
    static RiskHistoryEntry of(long version, String kind, Instant at, String by, String reason) {
        return new RiskHistoryEntry(version, kind, at, by, reason, null, null, null, null, null, null, null, null);
    }
}
