package be.coordinaat.shared.transfer;

/** The limits of a table read: file size, data rows and characters per field. */
public record TableLimits(long maxBytes, int maxRows, int maxFieldChars) {

    /** 50 MB, 200,000 rows, 10,000 characters per field. */
    public static final TableLimits DEFAULT = new TableLimits(50L * 1024 * 1024, 200_000, 10_000);
}
