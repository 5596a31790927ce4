package be.coordinaat.policy;

/**
 * The standard items every school's security baseline starts with; labels in the message bundles
 * ({@code policy.baseline.std.MFA_STAFF}, …), the English title here for the API.
 */
public enum BaselineStandard {
    MFA_STAFF("Multi-factor authentication for all staff accounts"),
    SEPARATE_ADMIN_ACCOUNTS("Separate administrator accounts, used only for administration"),
    BACKUPS_TESTED("Backups made automatically and a restore tested this school year"),
    DEVICES_UPDATED("Operating systems and applications updated automatically"),
    DISK_ENCRYPTION("Disk encryption on staff laptops"),
    ANTIVIRUS("Malware protection active on every managed device"),
    WIFI_SEGMENTED("Wi-Fi and network segmented (staff, pupils, guests, devices)"),
    ACCOUNT_LIFECYCLE("Accounts of staff and pupils who leave disabled within a week"),
    AWARENESS_TRAINING("Security awareness training for staff every school year"),
    INCIDENT_PLAN("Incident and data breach procedure known to staff");

    private final String title;

    BaselineStandard(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
