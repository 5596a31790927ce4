package be.coordinaat.inventory.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipException;

/**
 * The body of an agent request: read with a limit, decompressed (zlib, gzip or none, as the Content-Type says, or
 * as the first bytes show) with a limit on the decompressed size counted while inflating, so a decompression bomb
 * stops at the limit instead of filling the memory. Replies are compressed the same way as the request.
 */
final class AgentBody {

    /** A real inventory is 50 KB to 1 MB of XML; 20 MB leaves room for machines with huge software lists. */
    static final int MAX_COMPRESSED = 20 * 1024 * 1024;
    static final int MAX_DECOMPRESSED = 20 * 1024 * 1024;

    enum Compression {
        ZLIB("application/x-compress-zlib"), GZIP("application/x-compress-gzip"), NONE(null);

        final String contentType;

        Compression(String contentType) {
            this.contentType = contentType;
        }
    }

    record Decoded(byte[] bytes, Compression compression) {}

    private AgentBody() {}

    /** Reads at most {@link #MAX_COMPRESSED} bytes; more is a 413. */
    static byte[] read(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > MAX_COMPRESSED) {
            throw new AgentInputException(413, "request body larger than " + MAX_COMPRESSED + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buffer = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_COMPRESSED) {
                throw new AgentInputException(413, "request body larger than " + MAX_COMPRESSED + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static Decoded decode(byte[] body, String contentType) {
        if (body.length == 0) {
            throw AgentInputException.bad("empty request body");
        }
        Compression declared = declared(contentType);
        Compression compression = declared != null ? declared : sniff(body);
        byte[] bytes = switch (compression) {
            case ZLIB -> inflate(body, false);
            case GZIP -> gunzip(body);
            case NONE -> {
                if (body.length > MAX_DECOMPRESSED) {
                    throw new AgentInputException(413, "request body larger than " + MAX_DECOMPRESSED + " bytes");
                }
                yield body;
            }
        };
        return new Decoded(bytes, compression);
    }

    private static Compression declared(String contentType) {
        if (contentType == null) {
            return null;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("x-compress-zlib")) {
            return Compression.ZLIB;
        }
        if (ct.contains("x-compress-gzip") || ct.contains("gzip")) {
            return Compression.GZIP;
        }
        if (ct.contains("xml") || ct.contains("json")) {
            return Compression.NONE;
        }
        return null;
    }

    /** By the first bytes: gzip's magic number, a zlib header (CMF 0x78 with a valid check), else none. */
    private static Compression sniff(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            return Compression.GZIP;
        }
        if (b.length >= 2 && (b[0] & 0x0f) == 8 && (((b[0] & 0xff) << 8) | (b[1] & 0xff)) % 31 == 0) {
            return Compression.ZLIB;
        }
        return Compression.NONE;
    }

    private static byte[] inflate(byte[] body, boolean nowrap) {
        Inflater inflater = new Inflater(nowrap);
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_DECOMPRESSED, body.length * 8 + 64));
            byte[] buffer = new byte[65536];
            long total = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0) {
                    if (inflater.needsInput()) {
                        throw AgentInputException.bad("compressed body is truncated");
                    }
                    if (inflater.needsDictionary()) {
                        throw AgentInputException.bad("compressed body needs a preset dictionary");
                    }
                }
                total += n;
                if (total > MAX_DECOMPRESSED) {
                    throw new AgentInputException(413, "decompressed body larger than " + MAX_DECOMPRESSED + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw AgentInputException.bad("body is not valid zlib data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 65536)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_DECOMPRESSED, body.length * 8 + 64));
            byte[] buffer = new byte[65536];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_DECOMPRESSED) {
                    throw new AgentInputException(413, "decompressed body larger than " + MAX_DECOMPRESSED + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw AgentInputException.bad("body is not valid gzip data: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw AgentInputException.bad("compressed body is truncated");
        } catch (IOException e) {
            throw AgentInputException.bad("body is not valid gzip data");
        }
    }

    static byte[] encode(byte[] reply, Compression compression) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (compression) {
                case ZLIB -> {
                    try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
                        z.write(reply);
                    }
                }
                case GZIP -> {
                    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                        z.write(reply);
                    }
                }
                case NONE -> out.write(reply);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
