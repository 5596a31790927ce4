package be.coordinaat.maintenance;

/** The radio band(s) a Wi-Fi network is offered on. */
public enum WifiBand {
    GHZ_2_4, GHZ_5, GHZ_6, DUAL, TRI
}
