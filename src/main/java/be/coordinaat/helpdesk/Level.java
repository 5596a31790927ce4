package be.coordinaat.helpdesk;

/** Impact and urgency of a ticket: low, medium or high. */
public enum Level {
    LOW(1),
    MEDIUM(2),
    HIGH(3);

    private final int weight;

    Level(int weight) {
        this.weight = weight;
    }

    /**
     * The priority (1 = critical … 4 = low) from impact × urgency, the ITIL matrix: high × high is P1; high × medium
     * P2; high × low and medium × medium P3; the rest P4.
     */
    public static int priority(Level impact, Level urgency) {
        int score = impact.weight + urgency.weight;
        return switch (score) {
            case 6 -> 1;
            case 5 -> 2;
            case 4 -> 3;
            default -> 4;
        };
    }
}
