package be.coordinaat.maintenance;

/** How a Wi-Fi network is secured; the PSK kinds have a pre-shared key (stored encrypted, shown on request only). */
public enum WifiSecurity {
    OPEN, WPA2_PSK, WPA3_PSK, WPA2_ENTERPRISE, WPA3_ENTERPRISE;

    public boolean usesKey() {
        return this == WPA2_PSK || this == WPA3_PSK;
    }
}
