package se.samverka.kernel.survey;

/** Where an environment analysis source stands, as the pre-study groups them. */
public enum SourceKind {
    /** Externa experter: universities, SKR, consultancies, vendors. */
    EXTERNAL_EXPERT,
    /** Interna experter: the region's own programmes and networks. */
    INTERNAL_EXPERT,
    /** Liknande initiativ: other regions' IT collaborations. */
    SIMILAR_INITIATIVE,
    /** Workshop/intervju: a joint session with an organisation. */
    WORKSHOP_INTERVIEW
}
