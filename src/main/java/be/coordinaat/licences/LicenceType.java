package be.coordinaat.licences;

/** How a licence is counted. Which types may leave the number of seats open is decided here. */
public enum LicenceType {
    /** One seat per device (an OEM or volume key per computer). */
    PER_DEVICE,
    /** One seat per named user. */
    PER_USER,
    /** A whole site or school; unlimited unless a number of sites is given. */
    SITE,
    /** A subscription with a number of seats, renewed periodically. */
    SUBSCRIPTION,
    /** A volume agreement for a number of seats. */
    VOLUME,
    /** Free or open-source: nothing to count unless a number is given. */
    FREE_OPEN;

    /** Whether the licence may leave the number of seats open (unlimited). */
    public boolean unlimitedAllowed() {
        return this == SITE || this == FREE_OPEN;
    }
}
