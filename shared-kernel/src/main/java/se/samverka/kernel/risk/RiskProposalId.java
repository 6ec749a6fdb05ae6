package se.samverka.kernel.risk;

import java.util.regex.Pattern;

/** A participant's proposal of a risk: P1, P2, … assigned by the register. */
public record RiskProposalId(String value) {
    private static final Pattern FORM = Pattern.compile("P[1-9][0-9]{0,5}");

    public RiskProposalId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a proposal id is P followed by its number, e.g. P1");
        }
    }

    public static RiskProposalId number(int n) {
        return new RiskProposalId("P" + n);
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
