package be.coordinaat.budget;

/** Where the money of a budget line comes from. */
public enum FundingSource {
    /** The school's operating grant (werkingsmiddelen). */
    OPERATING,
    /** The government's ICT funding (e.g. Digisprong). */
    GOVERNMENT_ICT,
    /** The school board. */
    BOARD,
    OTHER
}
