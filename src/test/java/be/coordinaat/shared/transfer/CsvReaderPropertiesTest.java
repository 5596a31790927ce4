package be.coordinaat.shared.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.assertj.core.api.Assertions;

/**
 * Whatever the bytes, the reader returns rows or a clear {@link TransferException}; never another exception.
 * Rows it returns respect the limits.
 */
class CsvReaderPropertiesTest {

    static final TableLimits SMALL = new TableLimits(1024 * 1024, 50, 200);

    static void readsOrFailsClearly(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("prop", ".csv");
        try {
            Files.write(file, bytes);
            try {
                TableReader.read(file, SMALL, (row, cells) -> {
                    Assertions.assertThat(row).isPositive();
                    Assertions.assertThat(cells).isNotEmpty();
                    cells.forEach(c -> Assertions.assertThat(c.length()).isLessThanOrEqualTo(SMALL.maxFieldChars()));
                    return true;
                });
            } catch (TransferException expected) {
                Assertions.assertThat(expected.problems()).hasSize(1);
                Assertions.assertThat(expected.problems().get(0).messageKey()).startsWith("import.error.");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 300)
    void arbitraryBytes(@ForAll @Size(max = 3000) byte[] bytes) throws IOException {
        readsOrFailsClearly(bytes);
    }

    @Property(tries = 300)
    void arbitraryCsvLikeText(@ForAll("csvLike") String text) throws IOException {
        readsOrFailsClearly(text.getBytes(StandardCharsets.UTF_8));
        readsOrFailsClearly(text.getBytes(CsvTableReader.WINDOWS_1252));
    }

    @Property(tries = 100)
    void zipHeadersFollowedByJunk(@ForAll @Size(max = 2000) byte[] junk) throws IOException {
        byte[] bytes = new byte[junk.length + 4];
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        System.arraycopy(junk, 0, bytes, 4, junk.length);
        readsOrFailsClearly(bytes);
    }

    @Provide
    Arbitrary<String> csvLike() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcéü€;,\t\"\r\n 0123456789").ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(400),
                Arbitraries.of("\"", "\"\"", "'=1+1", "31/12/2024", "1.234,56"));
        return cell.list().ofMaxSize(40).map(cells -> String.join(List.of(";", ",", "\n", "\r\n").get(cells.size() % 4), cells));
    }
}
