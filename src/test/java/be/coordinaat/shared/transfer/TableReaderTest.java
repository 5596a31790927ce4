package be.coordinaat.shared.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV and XLSX reader (encodings, delimiters, quoting, limits), Belgian values, and the writers. */
class TableReaderTest {

    @TempDir Path dir;

    record Read(TableReader.Info info, List<Integer> rows, List<List<String>> cells) {}

    Read read(byte[] bytes) throws Exception {
        return read(bytes, TableLimits.DEFAULT);
    }

    Read read(byte[] bytes, TableLimits limits) throws Exception {
        Path file = Files.createTempFile(dir, "t", ".bin");
        Files.write(file, bytes);
        List<Integer> rows = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        TableReader.Info info = TableReader.read(file, limits, (n, c) -> {
            rows.add(n);
            cells.add(c);
            return true;
        });
        return new Read(info, rows, cells);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void utf8WithBomAndSemicolons() throws Exception {
        Read r = read(concat(BOM, "Tag;Naam\r\nRB-1;Café €\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.info().charset()).isEqualTo("UTF-8");
        assertThat(r.info().delimiter()).isEqualTo(';');
        assertThat(r.cells()).containsExactly(List.of("Tag", "Naam"), List.of("RB-1", "Café €"));
    }

    @Test
    void utf8WithoutBomAndCommas() throws Exception {
        Read r = read("Tag,Name\nRB-1,Crème brûlée\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.info().charset()).isEqualTo("UTF-8");
        assertThat(r.info().delimiter()).isEqualTo(',');
        assertThat(r.cells().get(1)).containsExactly("RB-1", "Crème brûlée");
    }

    @Test
    void windows1252AsExcelWritesIt() throws Exception {
        Read r = read("Tag;Naam;Prijs\r\nRB-1;Café;€ 12,50\r\n".getBytes(Charset.forName("windows-1252")));
        assertThat(r.info().charset()).isEqualTo("windows-1252");
        assertThat(r.cells().get(1)).containsExactly("RB-1", "Café", "€ 12,50");
        assertThat(CellValues.decimal(r.cells().get(1).get(2))).isEqualByComparingTo("12.50");
    }

    @Test
    void utf16WithBom() throws Exception {
        byte[] text = "Tag\tNaam\r\nRB-1\té\r\n".getBytes(StandardCharsets.UTF_16LE);
        Read r = read(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text));
        assertThat(r.info().delimiter()).isEqualTo('\t');
        assertThat(r.cells().get(1)).containsExactly("RB-1", "é");
    }

    @Test
    void tabsAndTheDelimiterOutsideQuotesOnly() throws Exception {
        assertThat(read("a\tb\tc\n1\t2\t3\n".getBytes(StandardCharsets.UTF_8)).info().delimiter()).isEqualTo('\t');
        // two commas inside quotes, one semicolon outside
        assertThat(read("\"a,b,c\";d\n1;2\n".getBytes(StandardCharsets.UTF_8)).info().delimiter()).isEqualTo(';');
    }

    @Test
    void quotedFieldsWithDelimitersQuotesAndLineBreaksAreOneRow() throws Exception {
        Read r = read("Tag;Opmerkingen;X\r\nRB-1;\"lijn 1\r\nlijn 2; met \"\"quote\"\"\";x\r\nRB-2;kort;y\r\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.cells().get(1)).containsExactly("RB-1", "lijn 1\r\nlijn 2; met \"quote\"", "x");
        assertThat(r.rows()).containsExactly(1, 2, 3);
    }

    @Test
    void raggedRowsAndBlankLinesKeepTheirRowNumbers() throws Exception {
        Read r = read("a;b;c\n1\n\n1;2;3;4\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.cells()).containsExactly(List.of("a", "b", "c"), List.of("1"), List.of("1", "2", "3", "4"));
        assertThat(r.rows()).containsExactly(1, 2, 4);
    }

    @Test
    void aLastLineWithoutLineBreakAndOldMacLineEnds() throws Exception {
        assertThat(read("a;b\r1;2\r3;4".getBytes(StandardCharsets.UTF_8)).cells())
                .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void clearErrorsForBrokenFiles() {
        assertThatThrownBy(() -> read("a;b\n\"never closed;x\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TransferException.class).hasMessageContaining("row 2");
        assertThatThrownBy(() -> read(new byte[] {0, 1, 2, 3, 4, 5, 0, 0, 9, 8, 7}))
                .isInstanceOf(TransferException.class).hasMessageContaining("not a CSV or XLSX");
        assertThatThrownBy(() -> read(("a\n" + "x".repeat(11_000) + "\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TransferException.class).hasMessageContaining("10000 characters");
        assertThatThrownBy(() -> read("a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8), new TableLimits(1000, 2, 100)))
                .isInstanceOf(TransferException.class).hasMessageContaining("more than 2 rows");
        assertThatThrownBy(() -> read("a\n1\n".getBytes(StandardCharsets.UTF_8), new TableLimits(3, 2, 100)))
                .isInstanceOf(TransferException.class).hasMessageContaining("larger than");
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(TransferException.class);
        assertThatThrownBy(() -> read(new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6}))
                .isInstanceOf(TransferException.class).hasMessageContaining("XLSX");
    }

    @Test
    void belgianDatesAndDecimals() {
        assertThat(CellValues.date("31/12/2024")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(CellValues.date("1-2-2024")).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(CellValues.date("2024-02-01")).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(CellValues.date("31/02/2024")).isNull();
        assertThat(CellValues.date("morgen")).isNull();
        assertThat(CellValues.decimal("1.234,56")).isEqualByComparingTo("1234.56");
        assertThat(CellValues.decimal("1234,56")).isEqualByComparingTo("1234.56");
        assertThat(CellValues.decimal("1234.56")).isEqualByComparingTo("1234.56");
        assertThat(CellValues.decimal("1,234.56")).isEqualByComparingTo("1234.56");
        assertThat(CellValues.decimal("€ 299")).isEqualByComparingTo("299");
        assertThat(CellValues.decimal("12,3,4")).isNull();
        assertThat(CellValues.decimal("abc")).isNull();
    }

    @Test
    void xlsxFirstSheetWithDatesNumbersAndText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Blad1");
        ws.value(0, 0, "Tag");
        ws.value(0, 1, "Aankoopdatum");
        ws.value(0, 2, "Prijs");
        ws.value(1, 0, "RB-1");
        ws.value(1, 1, LocalDate.of(2024, 9, 1));
        ws.style(1, 1).format("dd/mm/yyyy").set();
        ws.value(1, 2, new BigDecimal("1234.50"));
        ws.value(2, 0, "RB-2");
        ws.value(2, 2, 12);
        wb.newWorksheet("Blad2").value(0, 0, "other sheet");
        wb.finish();
        Read r = read(out.toByteArray());
        assertThat(r.info().format()).isEqualTo(TableReader.Format.XLSX);
        assertThat(r.cells().get(0)).containsExactly("Tag", "Aankoopdatum", "Prijs");
        assertThat(r.cells().get(1)).containsExactly("RB-1", "2024-09-01", "1234.5");
        assertThat(r.cells().get(2).get(0)).isEqualTo("RB-2");
        assertThat(r.cells().get(2).get(2)).isEqualTo("12");
        assertThat(r.rows()).containsExactly(1, 2, 3);
        assertThat(CellValues.date(r.cells().get(1).get(1))).isEqualTo(LocalDate.of(2024, 9, 1));
    }

    @Test
    void csvExportIsBelgianExcelAndNeutralisesFormulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter w = TableWriter.csv(out)) {
            w.row(List.of("Tag", "Naam", "Prijs", "Datum"));
            w.row(java.util.Arrays.asList("=HYPERLINK(\"x\")", "+1", new BigDecimal("12.50"), LocalDate.of(2024, 1, 31)));
            w.row(java.util.Arrays.asList("-2", "@SUM(A1)", null, "\tx"));
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        Read r = read(bytes);
        assertThat(r.info().delimiter()).isEqualTo(';');
        assertThat(r.cells().get(1)).containsExactly("'=HYPERLINK(\"x\")", "'+1", "12,50", "31/01/2024");
        assertThat(r.cells().get(2)).containsExactly("'-2", "'@SUM(A1)", "", "'\tx");
    }

    @Test
    void xlsxExportNeutralisesFormulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter w = TableWriter.xlsx(out, "Assets")) {
            w.row(List.of("Tag", "Prijs"));
            w.row(List.of("=1+1", new BigDecimal("3.5")));
        }
        Read r = read(out.toByteArray());
        assertThat(r.cells().get(1)).containsExactly("'=1+1", "3.5");
    }

}
