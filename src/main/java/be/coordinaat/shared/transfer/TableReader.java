package be.coordinaat.shared.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a table from a file, one row at a time and never the whole file into memory: CSV (comma, semicolon or tab;
 * UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252) or XLSX (its first sheet). The first row is the
 * header. Anything else, and files over the limits, end in a {@link TransferException}; no other exception leaves
 * {@link #read}, except the ones the row handler throws.
 */
public final class TableReader {
    private TableReader() {}

    /** Receives each row: its 1-based row number in the file (the header is row 1) and its cells as text. */
    @FunctionalInterface
    public interface RowHandler {
        /** @return false to stop reading */
        boolean row(int rowNumber, List<String> cells);
    }

    public enum Format { CSV, XLSX }

    /** What was found out about the file before its rows were read. */
    public record Info(Format format, String charset, char delimiter) {}

    /** Reads every row of the file (header included) into the handler; returns what kind of file it was. */
    public static Info read(Path file, TableLimits limits, RowHandler handler) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new TransferException("import.error.empty", "is empty");
            }
            if (size > limits.maxBytes()) {
                throw new TransferException("import.error.tooLarge", "is larger than " + limits.maxBytes() / (1024 * 1024) + " MB",
                        limits.maxBytes() / (1024 * 1024));
            }
            byte[] head = new byte[8];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, head.length);
                if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                    XlsxTableReader.read(file, limits, handler);
                    return new Info(Format.XLSX, null, '\0');
                }
                if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
                    // the old binary .xls format
                    throw new TransferException("import.error.xls", "is an old .xls workbook; save it as .xlsx or CSV");
                }
            }
            return CsvTableReader.read(file, limits, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file from a stream (copied to a temporary file first, never held in memory). */
    public static Info read(InputStream in, TableLimits limits, RowHandler handler) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("table", ".upload");
            try (InputStream limited = new BufferedInputStream(in)) {
                Files.copy(limited, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return read(tmp, limits, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
