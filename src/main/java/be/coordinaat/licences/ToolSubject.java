package be.coordinaat.licences;

/** The learning areas and subjects of Flemish primary and secondary education a tool serves. */
public enum ToolSubject {
    DUTCH,
    FRENCH,
    ENGLISH,
    GERMAN,
    MATHS,
    /** Wereldoriëntatie (primary): nature, science, technology, society, time, space. */
    WORLD_ORIENTATION,
    SCIENCE,
    GEOGRAPHY,
    HISTORY,
    ECONOMICS,
    /** Informatica, computationeel denken en mediawijsheid. */
    ICT,
    STEM,
    /** Muzische vorming / beeld, drama, media. */
    ARTS,
    MUSIC,
    PHYSICAL_EDUCATION,
    /** Levensbeschouwelijke vakken. */
    RELIGION,
    CLASSICAL_LANGUAGES,
    /** Zorg, remediëring, differentiatie (e.g. text-to-speech). */
    SPECIAL_NEEDS,
    CROSS_CURRICULAR
}
