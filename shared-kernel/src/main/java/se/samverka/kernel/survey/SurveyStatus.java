package se.samverka.kernel.survey;

/** A survey is built as a draft, answered while open, and read once closed. */
public enum SurveyStatus {
    DRAFT, OPEN, CLOSED
}
