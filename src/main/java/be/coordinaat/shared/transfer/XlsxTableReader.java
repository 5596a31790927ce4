package be.coordinaat.shared.transfer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The first sheet of an XLSX workbook, streamed row by row (fastexcel). Numbers come as plain decimals with a dot
 * ({@code 1234.56}), cells formatted as dates as {@code yyyy-mm-dd}, text as is, formulas by their cached value.
 */
final class XlsxTableReader {
    private XlsxTableReader() {}

    static void read(Path file, TableLimits limits, TableReader.RowHandler handler) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true))) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> it = rows.iterator();
                int dataRows = 0;
                while (it.hasNext()) {
                    Row row = it.next();
                    List<String> cells = new ArrayList<>(row.getCellCount());
                    boolean blank = true;
                    for (int i = 0; i < row.getCellCount(); i++) {
                        String text = text(row.getCell(i));
                        if (text.length() > limits.maxFieldChars()) {
                            throw new TransferException("import.error.fieldTooLong", "has a value longer than "
                                    + limits.maxFieldChars() + " characters in row " + row.getRowNum(), row.getRowNum(),
                                    limits.maxFieldChars());
                        }
                        blank &= text.isEmpty();
                        cells.add(text);
                    }
                    if (blank) {
                        continue;
                    }
                    if (++dataRows - 1 > limits.maxRows()) {
                        throw new TransferException("import.error.tooManyRows", "has more than " + limits.maxRows() + " rows",
                                limits.maxRows());
                    }
                    boolean more;
                    try {
                        more = handler.row(row.getRowNum(), cells);
                    } catch (RuntimeException e) {
                        throw new HandlerFailure(e);
                    }
                    if (!more) {
                        return;
                    }
                }
            }
        } catch (HandlerFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (TransferException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new TransferException("import.error.badXlsx", "is not a readable XLSX workbook");
        }
    }

    /** An exception of the caller's row handler, passed through unchanged. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(RuntimeException cause) {
            super(cause);
        }
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case EMPTY -> "";
            case STRING -> cell.asString() == null ? "" : cell.asString();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case ERROR -> "";
            case NUMBER -> number(cell);
            case FORMULA -> {
                String raw = cell.getRawValue();
                yield raw == null ? "" : raw;
            }
        };
    }

    private static String number(Cell cell) {
        String format = cell.getDataFormatString();
        Integer id = cell.getDataFormatId();
        if (isDateFormat(id, format)) {
            try {
                LocalDateTime date = cell.asDate();
                if (date != null) {
                    return date.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? date.toLocalDate().toString()
                            : date.toString();
                }
            } catch (RuntimeException e) {
                // not a date after all: the number
            }
        }
        BigDecimal n = cell.asNumber();
        if (n == null) {
            return "";
        }
        n = n.stripTrailingZeros();
        return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
    }

    /** The built-in date formats (14-22, 45-47) and custom formats with day, month or year outside quotes. */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        if (format == null || format.isBlank() || format.equalsIgnoreCase("General")) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^\\]]*\\]", "").replaceAll("\\\\.", "");
        return bare.matches("(?i).*[dmy].*") && !bare.matches("(?i).*[#0?].*");
    }
}
