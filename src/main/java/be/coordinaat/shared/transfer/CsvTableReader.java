package be.coordinaat.shared.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as spreadsheets write it: the encoding from the BOM, else UTF-8 if the whole file decodes strictly as UTF-8,
 * else Windows-1252 (Excel in Belgium); the delimiter that occurs most often in the header line outside quotes
 * ({@code ;}, {@code ,} or tab); fields in double quotes may hold delimiters, doubled quotes and line breaks;
 * CRLF, LF and CR end a record. Rows are numbered as records (a quoted line break does not start a new row).
 */
final class CsvTableReader {
    private CsvTableReader() {}

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_CHARS = 64 * 1024;

    static TableReader.Info read(Path file, TableLimits limits, TableReader.RowHandler handler) throws IOException {
        byte[] bom = new byte[3];
        int skip = 0;
        Charset charset;
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(bom, 0, 3);
            if (n >= 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
                charset = StandardCharsets.UTF_8;
                skip = 3;
            } else if (n >= 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE) {
                charset = StandardCharsets.UTF_16LE;
                skip = 2;
            } else if (n >= 2 && (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF) {
                charset = StandardCharsets.UTF_16BE;
                skip = 2;
            } else {
                charset = strictUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            }
        }
        char delimiter;
        try (Reader r = open(file, charset, skip)) {
            char[] sniff = new char[SNIFF_CHARS];
            int n = r.read(sniff, 0, sniff.length);
            n = Math.max(n, 0);
            if (looksBinary(sniff, n)) {
                throw TransferException.notATable();
            }
            delimiter = delimiter(sniff, n);
        }
        try (Reader r = open(file, charset, skip)) {
            parse(r, delimiter, limits, handler);
        }
        return new TableReader.Info(TableReader.Format.CSV, charset.name(), delimiter);
    }

    private static Reader open(Path file, Charset charset, int skip) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(skip);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
    }

    /** Whether the whole file decodes as UTF-8 without a single malformed sequence (streamed, 64 KB at a time). */
    static boolean strictUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (var channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(bytes) < 0;
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult flush = decoder.flush(chars);
            return !flush.isError() && !bytes.hasRemaining();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** NUL characters, or more than 1% control characters other than tab and line breaks: not text. */
    static boolean looksBinary(char[] chars, int n) {
        int control = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c == 0) {
                return true;
            }
            if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f') || c == 0xFFFD) {
                control++;
            }
        }
        return control > 0 && control * 100 > n;
    }

    /** The delimiter counted most often in the first record outside quotes; ',' when none occurs. */
    static char delimiter(char[] chars, int n) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                if (c == ';') semicolons++;
                else if (c == ',') commas++;
                else if (c == '\t') tabs++;
            }
        }
        if (semicolons >= commas && semicolons >= tabs && semicolons > 0) {
            return ';';
        }
        if (tabs > commas) {
            return '\t';
        }
        return ',';
    }

    private enum State { START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    static void parse(Reader in, char delimiter, TableLimits limits, TableReader.RowHandler handler) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        State state = State.START;
        int row = 1;
        int quoteRow = 0;
        int[] counter = {0};
        boolean afterCr = false;
        boolean any = false;
        int c;
        while (true) {
            c = in.read();
            if (c < 0) {
                break;
            }
            if (afterCr) {
                afterCr = false;
                if (c == '\n' && state == State.START && fields.isEmpty()) {
                    continue;
                }
            }
            any = true;
            char ch = (char) c;
            switch (state) {
                case START, UNQUOTED -> {
                    if (state == State.START && ch == '"') {
                        state = State.QUOTED;
                        quoteRow = row;
                    } else if (ch == delimiter) {
                        fields.add(field.toString());
                        field.setLength(0);
                        state = State.START;
                    } else if (ch == '\r' || ch == '\n') {
                        afterCr = ch == '\r';
                        if (!endRecord(fields, field, row, limits, handler, counter)) {
                            return;
                        }
                        fields = new ArrayList<>();
                        row++;
                        state = State.START;
                    } else {
                        append(field, ch, row, limits);
                        state = State.UNQUOTED;
                    }
                }
                case QUOTED -> {
                    if (ch == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        append(field, ch, row, limits);
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (ch == '"') {
                        append(field, '"', row, limits);
                        state = State.QUOTED;
                    } else if (ch == delimiter) {
                        fields.add(field.toString());
                        field.setLength(0);
                        state = State.START;
                    } else if (ch == '\r' || ch == '\n') {
                        afterCr = ch == '\r';
                        if (!endRecord(fields, field, row, limits, handler, counter)) {
                            return;
                        }
                        fields = new ArrayList<>();
                        row++;
                        state = State.START;
                    } else {
                        // "abc"def: Excel reads abcdef
                        append(field, ch, row, limits);
                        state = State.UNQUOTED;
                    }
                }
            }
        }
        if (state == State.QUOTED) {
            throw new TransferException("import.error.quote", "has a quote opened in row " + quoteRow + " that is never closed",
                    quoteRow);
        }
        if (any && (state != State.START || !fields.isEmpty() || field.length() > 0)) {
            endRecord(fields, field, row, limits, handler, counter);
        }
    }

    private static boolean endRecord(List<String> fields, StringBuilder field, int row, TableLimits limits,
            TableReader.RowHandler handler, int[] counter) {
        fields.add(field.toString());
        field.setLength(0);
        if (isBlank(fields)) {
            return true;
        }
        counter[0]++;
        // the header is not a data row
        if (counter[0] - 1 > limits.maxRows()) {
            throw new TransferException("import.error.tooManyRows", "has more than " + limits.maxRows() + " rows",
                    limits.maxRows());
        }
        return handler.row(row, List.copyOf(fields));
    }

    private static boolean isBlank(List<String> fields) {
        return fields.size() == 1 && fields.get(0).isEmpty();
    }

    private static void append(StringBuilder field, char ch, int row, TableLimits limits) {
        if (field.length() >= limits.maxFieldChars()) {
            throw new TransferException("import.error.fieldTooLong",
                    "has a value longer than " + limits.maxFieldChars() + " characters in row " + row, row,
                    limits.maxFieldChars());
        }
        field.append(ch);
    }
}
