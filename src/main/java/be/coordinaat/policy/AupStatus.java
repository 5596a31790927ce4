package be.coordinaat.policy;

/** A version of an acceptable-use policy: being written, or published (the newest published one is current). */
public enum AupStatus {
    DRAFT, PUBLISHED
}
