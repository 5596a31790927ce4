package be.coordinaat.inventory.loan;

import be.coordinaat.inventory.Loans.AgreementData;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The loan agreement as PDF (A4), generated on demand from the Dutch template
 * {@code templates/inventory/document/loan-agreement.html} with openhtmltopdf, as the evaluation module renders the
 * function description.
 */
@Component
public class AgreementRenderer {

    static final String TEMPLATE = "inventory/document/loan-agreement";
    private static final String PDF_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String CSS = """
            @page { size: A4; margin: 20mm 18mm; }
            body { font-family: 'Liberation Sans', sans-serif; font-size: 10.5pt; line-height: 1.4; }
            h1 { font-size: 16pt; margin: 0 0 4mm 0; }
            h2 { font-size: 12pt; margin: 6mm 0 2mm 0; }
            table { width: 100%; border-collapse: collapse; }
            th { text-align: left; width: 38%; font-weight: normal; color: #444; padding: 1mm 2mm 1mm 0; vertical-align: top; }
            td { padding: 1mm 0; vertical-align: top; }
            .school { border-bottom: 1px solid #999; padding-bottom: 3mm; margin-bottom: 5mm; }
            .signatures td { width: 50%; padding-top: 18mm; border-bottom: 1px solid #000; }
            .signatures th { width: 50%; padding-top: 2mm; }
            ol li { margin-bottom: 1.5mm; }
            """;

    private final SpringTemplateEngine templates;

    AgreementRenderer(SpringTemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] pdf(AgreementData data) {
        Context context = new Context(Locale.forLanguageTag("nl-BE"));
        context.setVariable("doc", data);
        String article = templates.process(TEMPLATE, java.util.Set.of("document"), context).strip();
        String xhtml = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl\"><head>"
                + "<meta charset=\"UTF-8\"/><title>" + HtmlUtils.htmlEscapeDecimal("Uitleenovereenkomst " + data.loan().assetTag())
                + "</title><style>\n" + CSS + "\n</style></head><body>" + article + "</body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> AgreementRenderer.class.getResourceAsStream(PDF_FONT), "Liberation Sans");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
