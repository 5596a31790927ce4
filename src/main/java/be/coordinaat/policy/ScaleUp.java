package be.coordinaat.policy;

/** Whether a classroom pilot should be scaled up to the school. */
public enum ScaleUp {
    YES, NO, MAYBE
}
