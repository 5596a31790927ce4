package be.coordinaat.calendar;

/**
 * A school's calendar has no open time within the search limit ({@link BusinessCalendars#SEARCH_YEARS} years after the
 * start): no opening hours on any weekday, or closures that cover the whole period. Thrown by
 * {@link BusinessCalendars#addBusinessTime}; the other clock methods answer "closed", zero or empty instead.
 */
public class NeverOpenException extends IllegalStateException {

    private final long schoolId;

    public NeverOpenException(long schoolId, String message) {
        super(message);
        this.schoolId = schoolId;
    }

    /** The school whose calendar is never open (0 when the clock is used without a school). */
    public long schoolId() {
        return schoolId;
    }
}
