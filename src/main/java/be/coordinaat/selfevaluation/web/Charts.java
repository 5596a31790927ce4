package be.coordinaat.selfevaluation.web;

import be.coordinaat.selfevaluation.Area;
import be.coordinaat.selfevaluation.RespondentGroup;
import be.coordinaat.selfevaluation.Views.AreaResult;
import be.coordinaat.selfevaluation.Views.GroupScore;
import be.coordinaat.selfevaluation.Views.ResultsView;
import be.coordinaat.selfevaluation.Views.Score;
import be.coordinaat.selfevaluation.Views.StatementGroupResult;
import be.coordinaat.selfevaluation.Views.StatementResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The result charts as server-rendered SVG, with presentation attributes only (the CSP forbids inline scripts and
 * styles): the areas as bars per group on the 1-5 scale with the previous round as a marker, and per statement the
 * spread of the answers per group. Every text is escaped. Templates call {@code ${@selfEvaluationCharts.areas(r)}}.
 */
@Component("selfEvaluationCharts")
public class Charts {

    static final String[] ANSWER_COLOURS = {"#c0392b", "#e67e22", "#f1c40f", "#7cb342", "#2e7d32"};
    static final String OVERALL_COLOUR = "#343a40";

    private static final int LEFT = 150;
    private static final int PLOT = 480;
    private static final int WIDTH = 720;
    private static final int BAR = 14;
    private static final int GAP = 4;

    private final MessageSource messages;

    Charts(MessageSource messages) {
        this.messages = messages;
    }

    public static String colour(RespondentGroup g) {
        return switch (g) {
            case SCHOOL_LEADERS -> "#6f42c1";
            case TEACHERS -> "#0d6efd";
            case PUPILS -> "#d63384";
        };
    }

    /** A small coloured square for legends. */
    public String swatch(String colour) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" "
                + "height=\"12\" rx=\"2\" fill=\"" + colour + "\"/></svg>";
    }

    public String groupSwatch(RespondentGroup g) {
        return swatch(colour(g));
    }

    public String answerSwatch(int value) {
        return swatch(ANSWER_COLOURS[value - 1]);
    }

    public String overallSwatch() {
        return swatch(OVERALL_COLOUR);
    }

    /** All areas: all groups together and each group as a bar, the previous round as a dark tick, withheld figures named. */
    public String areas(ResultsView r) {
        Locale locale = LocaleContextHolder.getLocale();
        int rowsPerArea = 1 + r.groups().size();
        int areaHeight = 26 + rowsPerArea * (BAR + GAP) + 12;
        int top = 24;
        int height = top + r.areas().size() * areaHeight;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"selfeval-chart\" id=\"area-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"100%\" font-family=\"system-ui, sans-serif\" font-size=\"12\">")
                .append("<title>").append(esc(msg("selfeval.results.chart.areas", locale))).append("</title>");
        // scale 1..5 with grid lines
        for (int v = 1; v <= 5; v++) {
            double x = x(BigDecimal.valueOf(v));
            s.append(line(x, top - 6, x, height - 6, "#dee2e6", 1));
            s.append(text(x, 14, String.valueOf(v), "middle", "#6c757d", false));
        }
        int y = top;
        for (AreaResult a : r.areas()) {
            if (a.strongest() || a.weakest()) {
                s.append("<rect x=\"0\" y=\"").append(y - 2).append("\" width=\"").append(WIDTH).append("\" height=\"")
                        .append(areaHeight - 6).append("\" rx=\"4\" fill=\"").append(a.strongest() ? "#d1e7dd" : "#f8d7da")
                        .append("\" class=\"").append(a.strongest() ? "area-strongest" : "area-weakest").append("\"/>");
            }
            String title = msg("selfeval.area." + a.area(), locale)
                    + (a.strongest() ? " — " + msg("selfeval.results.strongest", locale) : "")
                    + (a.weakest() ? " — " + msg("selfeval.results.weakest", locale) : "");
            s.append(text(6, y + 14, title, "start", "#212529", true));
            int row = y + 22;
            s.append(bar(row, msg("selfeval.group.ALL", locale), OVERALL_COLOUR, a.overall(), a.previousMean(), locale));
            row += BAR + GAP;
            for (GroupScore g : a.groups()) {
                s.append(bar(row, msg("selfeval.group." + g.group(), locale), colour(g.group()), g.score(), g.previousMean(),
                        locale));
                row += BAR + GAP;
            }
            y += areaHeight;
        }
        return s.append("</svg>").toString();
    }

    private String bar(int y, String label, String colour, Score score, BigDecimal previous, Locale locale) {
        StringBuilder s = new StringBuilder();
        s.append(text(LEFT - 8, y + BAR - 3, label, "end", "#495057", false));
        if (!score.shown() || score.mean() == null) {
            s.append(text(LEFT + 4, y + BAR - 3, msg("selfeval.results.tooFew", locale), "start", "#6c757d", false));
        } else {
            double w = Math.max(2, x(score.mean()) - LEFT);
            s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"").append(BAR).append("\" rx=\"2\" fill=\"").append(colour).append("\"><title>")
                    .append(esc(label + ": " + number(score.mean(), locale) + " (n = " + score.respondents() + ")"))
                    .append("</title></rect>");
            s.append(text(LEFT + PLOT + 8, y + BAR - 3, number(score.mean(), locale) + "  n=" + score.respondents(), "start",
                    "#212529", false));
        }
        if (previous != null) {
            double px = x(previous);
            s.append("<line x1=\"").append(fmt(px)).append("\" y1=\"").append(y - 2).append("\" x2=\"").append(fmt(px))
                    .append("\" y2=\"").append(y + BAR + 2).append("\" stroke=\"#000\" stroke-width=\"3\" class=\"previous-marker\">")
                    .append("<title>").append(esc(msg("selfeval.results.previous", locale) + ": " + number(previous, locale)))
                    .append("</title></line>");
        }
        return s.toString();
    }

    /** One statement: per group a bar split by answer (1-5, as shares of the answers), the mean and n; or withheld. */
    public String statement(StatementResult st) {
        Locale locale = LocaleContextHolder.getLocale();
        int rowH = BAR + GAP;
        int height = st.groups().size() * rowH + 4;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"selfeval-chart statement-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"100%\" font-family=\"system-ui, sans-serif\" font-size=\"12\">")
                .append("<title>").append(esc(st.text(locale))).append("</title>");
        int y = 2;
        for (StatementGroupResult g : st.groups()) {
            String label = msg("selfeval.group." + g.group(), locale);
            s.append(text(LEFT - 8, y + BAR - 3, label, "end", "#495057", false));
            if (!g.shown()) {
                s.append(text(LEFT + 4, y + BAR - 3, msg("selfeval.results.tooFew", locale), "start", "#6c757d", false));
            } else if (g.answered() == null || g.answered() == 0) {
                s.append(text(LEFT + 4, y + BAR - 3, msg("selfeval.results.noAnswers", locale, g.notApplicable()), "start",
                        "#6c757d", false));
            } else {
                double x = LEFT;
                for (int v = 1; v <= 5; v++) {
                    int c = g.distribution().get(v - 1);
                    if (c == 0) {
                        continue;
                    }
                    double w = (double) PLOT * c / g.answered();
                    s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w))
                            .append("\" height=\"").append(BAR).append("\" fill=\"").append(ANSWER_COLOURS[v - 1])
                            .append("\"><title>").append(esc(label + " — " + msg("selfeval.answer." + v, locale) + ": " + c))
                            .append("</title></rect>");
                    x += w;
                }
                String tail = number(g.mean(), locale) + "  n=" + g.answered()
                        + (g.notApplicable() > 0 ? "  " + msg("selfeval.results.na.short", locale, g.notApplicable()) : "");
                s.append(text(LEFT + PLOT + 8, y + BAR - 3, tail, "start", "#212529", false));
            }
            y += rowH;
        }
        return s.append("</svg>").toString();
    }

    public String areaName(Area area) {
        return msg("selfeval.area." + area, LocaleContextHolder.getLocale());
    }

    private static double x(BigDecimal value) {
        return LEFT + (value.doubleValue() - 1) / 4.0 * PLOT;
    }

    private static String text(double x, double y, String text, String anchor, String fill, boolean bold) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + fill + "\""
                + (bold ? " font-weight=\"bold\"" : "") + ">" + esc(text) + "</text>";
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, int width) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2) + "\" stroke=\""
                + stroke + "\" stroke-width=\"" + width + "\"/>";
    }

    static String number(BigDecimal n, Locale locale) {
        if (n == null) {
            return "—";
        }
        String s = n.setScale(1, RoundingMode.HALF_UP).toPlainString();
        return "en".equals(locale.getLanguage()) ? s : s.replace('.', ',');
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** For templates: a mean with one decimal in the reader's language. */
    public String mean(BigDecimal n) {
        return number(n, LocaleContextHolder.getLocale());
    }

    /** For templates: a change such as "+0,3" or "−0,2". */
    public String change(BigDecimal n) {
        if (n == null) {
            return "";
        }
        String s = number(n.abs(), LocaleContextHolder.getLocale());
        return (n.signum() > 0 ? "+" : n.signum() < 0 ? "−" : "±") + s;
    }
}
