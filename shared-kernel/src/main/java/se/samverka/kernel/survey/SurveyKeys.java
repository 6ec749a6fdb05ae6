package se.samverka.kernel.survey;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Organisations and target groups are named in Swedish ("Åmål", "Informationssäkerhetsansvarig")
 * but travel in URLs, link tokens and event metadata as plain keys ("amal",
 * "informationssakerhetsansvarig"): lower-case ASCII letters, digits and '-'.
 */
public final class SurveyKeys {
    private SurveyKeys() {
    }

    public static String of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a name is required");
        }
        String plain = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String key = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (key.isEmpty() || key.length() > 64) {
            throw new IllegalArgumentException("'" + name + "' cannot be a key");
        }
        return key;
    }
}
