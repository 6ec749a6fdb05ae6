package se.samverka.query.risk;

import java.time.Instant;
import java.util.List;

/**
 * A risk's joint estimate. While it is {@code open} it shows only who has estimated and how
 * many: the values are not in the read model at all, so no read or push can leak them. Once
 * {@code revealed}, {@code values} (anonymous) and the spreads are there.
 */
public record RiskEstimateView(String state, Instant openedAt, List<String> estimators, int count,
                               List<RiskEstimatePoint> values, RiskSpread probability, RiskSpread impact,
                               RiskSpread value) {
    static final String OPEN = "open";
    static final String REVEALED = "revealed";

    static RiskEstimateView opened(Instant at) {
        return new RiskEstimateView(OPEN, at, List.of(), 0, null, null, null, null);
    }
}
