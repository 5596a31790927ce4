package be.coordinaat.policy;

/** When an action is meant to be done: this school year (short) or later in the plan's period (long). */
public enum Horizon {
    SHORT, LONG
}
