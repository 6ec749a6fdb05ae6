package se.samverka.kernel.risk;

import java.util.regex.Pattern;

/** A risk's id in its project's sequence: R1, R2, … assigned by the register. */
public record RiskId(String value) {
    private static final Pattern FORM = Pattern.compile("R[1-9][0-9]{0,5}");

    public RiskId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a risk id is R followed by its number, e.g. R1");
        }
    }

    /** The {@code n}th risk of a register, counting from 1. */
    public static RiskId number(int n) {
        return new RiskId("R" + n);
    }

    /** Whether {@code value} is a well-formed risk id. */
    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    /** The risk's place in the sequence, for sorting R2 before R10. */
    public int sequence() {
        return Integer.parseInt(value.substring(1));
    }

    @Override
    public String toString() {
        return value;
    }
}
