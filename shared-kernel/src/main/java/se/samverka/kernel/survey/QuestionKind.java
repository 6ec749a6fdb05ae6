package se.samverka.kernel.survey;

/** What a survey question asks for, and so what an answer to it may hold. */
public enum QuestionKind {
    /** A whole number 1–5 ({@code scale}). */
    SCALE,
    /** Exactly one of the question's options ({@code choices} with one element). */
    SINGLE_CHOICE,
    /** One or more of the question's options, each at most once ({@code choices}). */
    MULTIPLE_CHOICE,
    /** A number of the question's {@link NumberUnit}, not negative, at most two decimals ({@code number}). */
    NUMBER,
    /** Free text up to {@link SurveyRules#MAX_FREE_TEXT} characters ({@code text}). */
    TEXT
}
