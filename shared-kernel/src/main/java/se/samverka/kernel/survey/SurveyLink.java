package se.samverka.kernel.survey;

import java.util.Optional;
import se.samverka.kernel.access.TokenCodec;

/**
 * What a respondent's link stands for: one survey, one organisation, one target group (keys).
 * The link carries them signed ({@link TokenCodec#signLink}), so it cannot be guessed or
 * altered into another organisation's; whoever holds it answers for that pair.
 */
public record SurveyLink(SurveyId surveyId, String organisation, String targetGroup) {
    static final String PURPOSE = "survey-respondent";
    private static final String VERSION = "s1";

    public String encode(TokenCodec codec) {
        return codec.signLink(PURPOSE, String.join("|", VERSION, surveyId.value(), organisation, targetGroup));
    }

    /** The link a token stands for; empty when it is malformed or not signed by this service. */
    public static Optional<SurveyLink> decode(TokenCodec codec, String token) {
        return codec.verifyLink(PURPOSE, token).flatMap(payload -> {
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || !SurveyId.isValid(parts[1])) {
                return Optional.empty();
            }
            return Optional.of(new SurveyLink(new SurveyId(parts[1]), parts[2], parts[3]));
        });
    }

    /** How the respondent is named in event metadata and the audit trail: no person, only the pair. */
    public String actor() {
        return "respondent:" + organisation + "/" + targetGroup;
    }
}
