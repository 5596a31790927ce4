package be.coordinaat.inventory.label;

import be.coordinaat.inventory.LabelFormat;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders label sheets as an A4 PDF with openhtmltopdf: one absolutely positioned box per label (in millimetres, as
 * {@link LabelLayout} computes), each with the QR code as a PNG data URI, the tag in large text, the school's short
 * name and the model. The sheet holds only data, no language, so it needs no template or messages.
 */
@Component
public class LabelSheetRenderer {

    private static final String PDF_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final double PAD = 1.5;

    /** What one label shows. */
    public record LabelData(String url, String tag, String school, String model) {}

    public byte[] pdf(LabelFormat format, int skip, List<LabelData> labels) {
        List<LabelLayout.Position> positions = LabelLayout.positions(format, labels.size(), skip);
        int pages = LabelLayout.pages(format, labels.size(), skip);
        StringBuilder html = new StringBuilder(4096 + labels.size() * 2048);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>Labels</title><style>\n")
                .append("@page { size: 210mm 297mm; margin: 0 }\n")
                .append("body { margin: 0; font-family: 'Liberation Sans', sans-serif; color: #000 }\n")
                .append(".sheet { position: relative; width: 210mm; height: 296mm; overflow: hidden }\n")
                .append(".sheet + .sheet { page-break-before: always }\n")
                .append(".label { position: absolute; overflow: hidden }\n")
                .append(".qr { position: absolute }\n")
                .append(".text { position: absolute; overflow: hidden }\n")
                .append(".tag { font-weight: bold; white-space: nowrap; line-height: 1.1 }\n")
                .append(".small { line-height: 1.15; overflow: hidden }\n")
                .append("</style></head><body>");
        int p = 0;
        for (int page = 0; page < pages; page++) {
            html.append("<div class=\"sheet\">");
            while (p < labels.size() && positions.get(p).page() == page) {
                label(html, format, positions.get(p), labels.get(p));
                p++;
            }
            html.append("</div>");
        }
        html.append("</body></html>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> LabelSheetRenderer.class.getResourceAsStream(PDF_FONT), "Liberation Sans");
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void label(StringBuilder html, LabelFormat f, LabelLayout.Position pos, LabelData label) {
        double qr = Math.min(f.height - 2 * PAD, f.width * 0.5);
        double textLeft = PAD + qr + 1;
        double textWidth = f.width - textLeft - PAD;
        int tagLength = Math.max(6, label.tag().length());
        double tagSize = Math.min(f.height * 0.17, textWidth / (0.62 * tagLength));
        double smallSize = Math.min(Math.max(tagSize * 0.6, 1.6), 3.2);
        String png = Base64.getEncoder().encodeToString(QrCodes.png(label.url(), 240));
        html.append("<div class=\"label\" style=\"").append(box(pos.x(), pos.y(), f.width, f.height)).append("\">")
                .append("<img class=\"qr\" alt=\"\" src=\"data:image/png;base64,").append(png).append("\" style=\"")
                .append(box(PAD, (f.height - qr) / 2, qr, qr)).append("\"/>")
                .append("<div class=\"text\" style=\"").append(box(textLeft, PAD, textWidth, f.height - 2 * PAD)).append("\">")
                .append("<div class=\"tag\" style=\"font-size: ").append(mm(tagSize)).append("\">").append(esc(label.tag())).append("</div>")
                .append("<div class=\"small\" style=\"font-size: ").append(mm(smallSize)).append("; max-height: ")
                .append(mm(smallSize * 1.2)).append("\">").append(esc(label.school())).append("</div>")
                .append("<div class=\"small\" style=\"font-size: ").append(mm(smallSize)).append("; max-height: ")
                .append(mm(smallSize * 2.4)).append("\">").append(esc(label.model())).append("</div>")
                .append("</div></div>");
    }

    private static String box(double x, double y, double w, double h) {
        return "left: " + mm(x) + "; top: " + mm(y) + "; width: " + mm(w) + "; height: " + mm(h);
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.2fmm", v);
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscapeDecimal(s);
    }
}
