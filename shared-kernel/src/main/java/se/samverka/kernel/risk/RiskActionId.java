package se.samverka.kernel.risk;

import java.util.regex.Pattern;

/** A proposed action of one risk: A1, A2, … counted per risk. */
public record RiskActionId(String value) {
    private static final Pattern FORM = Pattern.compile("A[1-9][0-9]{0,5}");

    public RiskActionId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("an action id is A followed by its number, e.g. A1");
        }
    }

    public static RiskActionId number(int n) {
        return new RiskActionId("A" + n);
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
