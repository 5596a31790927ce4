package be.coordinaat.shared.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table row by row to a stream: CSV for Belgian Excel (UTF-8 with BOM, {@code ;} delimiter, CRLF, dates
 * as dd/mm/yyyy, decimals with a comma) or XLSX (fastexcel, streamed; dates and numbers as typed cells). Text cells
 * are neutralised against formula injection ({@link FormulaGuard}).
 */
public abstract class TableWriter implements AutoCloseable {

    public abstract void row(List<?> cells);

    @Override
    public abstract void close();

    public static TableWriter csv(OutputStream out) {
        return new Csv(out);
    }

    public static TableWriter xlsx(OutputStream out, String sheetName) {
        return new Xlsx(out, sheetName);
    }

    private static final class Csv extends TableWriter {
        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(List<?> cells) {
            try {
                for (Object cell : cells) {
                    printer.print(text(cell));
                }
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String text(Object cell) {
            if (cell == null) {
                return "";
            }
            if (cell instanceof LocalDate d) {
                return String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            }
            if (cell instanceof BigDecimal n) {
                return n.toPlainString().replace('.', ',');
            }
            if (cell instanceof Number n) {
                return n.toString().replace('.', ',');
            }
            return FormulaGuard.neutralise(cell.toString());
        }

        @Override
        public void close() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx extends TableWriter {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String sheetName) {
            workbook = new Workbook(out, "Coordinaat", "1.0");
            sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void row(List<?> cells) {
            for (int col = 0; col < cells.size(); col++) {
                Object cell = cells.get(col);
                if (cell == null) {
                    continue;
                }
                if (cell instanceof LocalDate d) {
                    sheet.value(row, col, d);
                    sheet.style(row, col).format("dd/mm/yyyy").set();
                } else if (cell instanceof Number n) {
                    sheet.value(row, col, n);
                } else {
                    sheet.value(row, col, FormulaGuard.neutralise(cell.toString()));
                }
            }
            row++;
            if (row % 1000 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
