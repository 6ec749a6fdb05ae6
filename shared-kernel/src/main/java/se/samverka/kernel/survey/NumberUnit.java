package se.samverka.kernel.survey;

import java.math.BigDecimal;

/** The unit of a number question, with the largest answer that still makes sense for it. */
public enum NumberUnit {
    /** Kronor: a municipality's yearly IT cost is well below a billion. */
    SEK("kr", new BigDecimal("1000000000000")),
    /** Full-time equivalents (årsarbetskrafter). */
    FTE("årsarbetskrafter", new BigDecimal("100000")),
    /** A count of things (systems, people). */
    COUNT("st", new BigDecimal("10000000")),
    PERCENT("%", new BigDecimal("100"));

    private final String label;
    private final BigDecimal max;

    NumberUnit(String label, BigDecimal max) {
        this.label = label;
        this.max = max;
    }

    public String label() {
        return label;
    }

    public BigDecimal max() {
        return max;
    }
}
