package be.coordinaat.licences;

/** Where a licence stands in time, from its start and end (renewal) dates and today's date in Brussels. */
public enum LicenceState {
    /** The start date lies in the future. */
    NOT_STARTED,
    ACTIVE,
    /** The end or renewal date falls within {@link Licences#DEFAULT_RENEWAL_DAYS} days. */
    RENEWAL_DUE,
    /** The end or renewal date has passed. */
    EXPIRED
}
