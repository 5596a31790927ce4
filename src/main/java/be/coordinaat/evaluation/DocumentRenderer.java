package be.coordinaat.evaluation;

import be.coordinaat.evaluation.Views.SectionView;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders the function-description document: first as an HTML {@code <article>} (what a version stores), then, on
 * request, that stored HTML as a PDF. The document template is Dutch by definition (it is the official form), so it
 * lives apart under {@code templates/evaluation/document/}. The same stylesheet serves the print view (as a static
 * file, for the CSP) and the PDF (embedded, as the PDF renderer reads no URLs).
 */
@Component
class DocumentRenderer {

    static final String TEMPLATE = "evaluation/document/function-description";
    static final String STYLESHEET = "static/css/function-description.css";
    private static final String PDF_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** Everything the document shows; names and dates already as text. */
    record DocumentData(String schoolName, String institutionNumber, String boardName, String coordinatorName,
            String firstEvaluatorName, String secondEvaluatorName, String startDate, int number, String generatedOn,
            List<SectionView> sections) {}

    private final SpringTemplateEngine templates;
    private final String css;

    DocumentRenderer(SpringTemplateEngine templates) {
        this.templates = templates;
        try (InputStream in = new ClassPathResource(STYLESHEET).getInputStream()) {
            this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as an HTML fragment: one {@code <article>}, well-formed XML so the PDF renderer can read it. */
    String html(DocumentData data) {
        Context context = new Context(Locale.forLanguageTag("nl-BE"));
        context.setVariable("doc", data);
        return templates.process(TEMPLATE, Set.of("document"), context).strip();
    }

    /** A stored document as PDF (A4). */
    byte[] pdf(String articleHtml, String title) {
        String xhtml = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl\"><head>"
                + "<meta charset=\"UTF-8\"/><title>" + HtmlUtils.htmlEscapeDecimal(title) + "</title>"
                + "<style>\n" + css + "\n</style></head><body class=\"fd-pdf\">" + articleHtml + "</body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // A Unicode font for names outside Latin-1 (ş, ł, ő …), which the built-in PDF fonts cannot show.
            builder.useFont(() -> DocumentRenderer.class.getResourceAsStream(PDF_FONT), "Liberation Sans");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
