package se.samverka.kernel.capability;

/** A text in Swedish, the working language, and English. */
public record LocalizedText(String sv, String en) {
    public LocalizedText {
        if (sv == null || sv.isBlank()) {
            throw new IllegalArgumentException("a Swedish text is required");
        }
        if (en == null || en.isBlank()) {
            en = sv;
        }
    }
}
