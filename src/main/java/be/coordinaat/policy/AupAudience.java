package be.coordinaat.policy;

/** Who an acceptable-use policy (ICT-reglement) is for. */
public enum AupAudience {
    STAFF, PUPILS
}
