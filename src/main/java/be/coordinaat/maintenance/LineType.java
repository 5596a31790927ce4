package be.coordinaat.maintenance;

/** The technology of an internet line. */
public enum LineType {
    FIBER, VDSL, CABLE, MOBILE, RADIO, OTHER
}
