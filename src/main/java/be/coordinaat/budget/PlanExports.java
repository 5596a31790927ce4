package be.coordinaat.budget;

import be.coordinaat.budget.Views.Forecast;
import be.coordinaat.budget.Views.ForecastCell;
import be.coordinaat.budget.Views.ForecastYear;
import be.coordinaat.budget.Views.LifeView;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.shared.web.Formats;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The replacement plan of a school as a spreadsheet (XLSX: one row per kind, count and amount per year, totals,
 * planned budget and the difference; a second sheet with the expected lives) and as a print-ready A4 PDF, in the
 * user's language. Reads through {@link ReplacementPlan#forecast}, so the same scope applies.
 */
@Service
public class PlanExports {

    static final String PDF_TEMPLATE = "budget/plan-pdf";
    static final String STYLESHEET = "static/css/budget-plan.css";
    private static final String PDF_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final ReplacementPlan plan;
    private final MessageSource messages;
    private final SpringTemplateEngine templates;
    private final String css;

    PlanExports(ReplacementPlan plan, MessageSource messages, SpringTemplateEngine templates) {
        this.plan = plan;
        this.messages = messages;
        this.templates = templates;
        try (InputStream in = new ClassPathResource(STYLESHEET).getInputStream()) {
            this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name such as "vervangingsplan-basisschool-de-regenboog-2026.xlsx". */
    public String fileName(Forecast f, String extension) {
        String school = f.schoolName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return msg("budget.plan.fileName") + "-" + school + "-" + f.years().get(0).startYear() + "." + extension;
    }

    public Forecast forecast(long schoolId) {
        return plan.forecast(schoolId);
    }

    public byte[] xlsx(Forecast f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Coordinaat", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName(msg("budget.plan.title")));
            ws.value(0, 0, msg("budget.plan.title") + " – " + f.schoolName());
            ws.style(0, 0).bold().fontSize(14).set();
            ws.value(1, 0, msg("budget.plan.generatedOn") + " " + new Formats().date(LocalDate.now(Formats.ZONE)));
            int r = 3;
            ws.value(r, 0, msg("budget.plan.kind"));
            int col = 1;
            for (ForecastYear y : f.years()) {
                ws.value(r, col, y.label() + " – " + msg("budget.plan.count"));
                ws.value(r, col + 1, y.label() + " – " + msg("budget.plan.amount"));
                col += 2;
            }
            ws.range(r, 0, r, col - 1).style().bold().fillColor("DDEBF7").set();
            r++;
            for (AssetKind kind : kinds(f)) {
                ws.value(r, 0, msg("asset.kind." + kind.name()));
                col = 1;
                for (ForecastYear y : f.years()) {
                    ForecastCell c = cell(y, kind);
                    if (c != null) {
                        ws.value(r, col, c.count());
                        money(ws, r, col + 1, c.amount());
                        if (c.adjusted()) {
                            ws.style(r, col).italic().set();
                        }
                    }
                    col += 2;
                }
                r++;
            }
            ws.value(r, 0, msg("budget.plan.total"));
            col = 1;
            for (ForecastYear y : f.years()) {
                ws.value(r, col, y.count());
                money(ws, r, col + 1, y.amount());
                col += 2;
            }
            ws.range(r, 0, r, col - 1).style().bold().set();
            r++;
            ws.value(r, 0, msg("budget.plan.planned"));
            col = 1;
            for (ForecastYear y : f.years()) {
                if (y.plannedForReplacement() != null) {
                    money(ws, r, col + 1, y.plannedForReplacement());
                }
                col += 2;
            }
            r++;
            ws.value(r, 0, msg("budget.plan.gap"));
            col = 1;
            for (ForecastYear y : f.years()) {
                if (y.gap() != null) {
                    money(ws, r, col + 1, y.gap());
                }
                col += 2;
            }
            r += 2;
            ws.value(r++, 0, msg("budget.plan.note.method"));
            if (f.unknownAge() > 0) {
                ws.value(r, 0, messages.getMessage("budget.plan.unknownAge", new Object[] {f.unknownAge()}, locale()));
            }
            ws.width(0, 28);
            for (int c = 1; c <= f.years().size() * 2; c++) {
                ws.width(c, 16);
            }

            Worksheet lives = wb.newWorksheet(sheetName(msg("budget.life.title")));
            lives.value(0, 0, msg("budget.plan.kind"));
            lives.value(0, 1, msg("budget.life.years"));
            lives.value(0, 2, msg("budget.line.category"));
            lives.range(0, 0, 0, 2).style().bold().fillColor("DDEBF7").set();
            int lr = 1;
            for (LifeView l : f.lives()) {
                lives.value(lr, 0, msg("asset.kind." + l.kind().name()));
                lives.value(lr, 1, l.lifeYears());
                lives.value(lr, 2, msg("budget.category." + l.category().name()));
                lr++;
            }
            lives.width(0, 28);
            lives.width(2, 30);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] pdf(Forecast f) {
        Locale locale = locale();
        Context context = new Context(locale);
        context.setVariable("f", f);
        context.setVariable("kinds", kinds(f));
        context.setVariable("helper", new Helper(locale));
        context.setVariable("generatedOn", new Formats().date(LocalDate.now(Formats.ZONE)));
        String body = templates.process(PDF_TEMPLATE, Set.of("document"), context).strip();
        String xhtml = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + locale.getLanguage()
                + "\"><head><meta charset=\"UTF-8\"/><title>" + org.springframework.web.util.HtmlUtils.htmlEscapeDecimal(
                        msg("budget.plan.title") + " – " + f.schoolName())
                + "</title><style>\n" + css + "\n</style></head><body>" + body + "</body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> PlanExports.class.getResourceAsStream(PDF_FONT), "Liberation Sans");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** What the PDF template asks: the cell of a year and kind, and amounts as text. */
    public static final class Helper {
        private final Locale locale;

        Helper(Locale locale) {
            this.locale = locale;
        }

        public ForecastCell cell(ForecastYear y, AssetKind kind) {
            return PlanExports.cell(y, kind);
        }

        public String euro(BigDecimal amount) {
            return EuroFormat.format(amount, locale);
        }
    }

    /** The kinds that appear in any year, in the order of {@link AssetKind}. */
    static List<AssetKind> kinds(Forecast f) {
        Set<AssetKind> kinds = EnumSet.noneOf(AssetKind.class);
        f.years().forEach(y -> y.cells().forEach(c -> kinds.add(c.kind())));
        return new ArrayList<>(kinds);
    }

    static ForecastCell cell(ForecastYear y, AssetKind kind) {
        return y.cells().stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
    }

    private static void money(Worksheet ws, int r, int c, BigDecimal amount) {
        ws.value(r, c, amount);
        ws.style(r, c).format("#,##0.00").set();
    }

    private static String sheetName(String s) {
        String cleaned = s.replaceAll("[\\\\/*?:\\[\\]]", " ");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
