package be.coordinaat.mail.delivery;

import be.coordinaat.mail.text.HtmlText;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders a mail template ({@code templates/mail/<name>.html}) in the recipient's language: the {@code <title>} is
 * the subject, the document the HTML part, and the plain-text part is derived from it, so both always say the same.
 * Works outside a web request (scheduled digests); templates use {@code ${@fmt...}} and absolute links only.
 */
@Component
public class MailRenderer {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

    /** A rendered mail. */
    public record Rendered(String subject, String html, String text) {}

    private final ITemplateEngine engine;
    private final ApplicationContext context;

    MailRenderer(ITemplateEngine engine, ApplicationContext context) {
        this.engine = engine;
        this.context = context;
    }

    public Rendered render(String template, Map<String, Object> model, Locale locale) {
        if (template == null || !NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("invalid mail template name: " + template);
        }
        Context c = new Context(locale, model);
        c.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        c.setVariable("mailLocale", locale.toLanguageTag());
        String html = engine.process("mail/" + template, c);
        String subject = Jsoup.parse(html).title().strip();
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("mail template " + template + " has no <title> (the subject)");
        }
        return new Rendered(subject, html, HtmlText.toText(html));
    }
}
