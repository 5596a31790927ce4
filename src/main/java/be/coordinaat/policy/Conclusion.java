package be.coordinaat.policy;

/** The yearly review's conclusion on a goal; CONTINUE and ADJUST goals can be carried into the next plan. */
public enum Conclusion {
    REACHED, CONTINUE, ADJUST, DROP
}
