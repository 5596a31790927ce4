package be.coordinaat.policy;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.budget.BudgetLedger;
import be.coordinaat.policy.Views.ActionView;
import be.coordinaat.policy.Views.BudgetUse;
import be.coordinaat.policy.Views.PlanView;
import be.coordinaat.policy.Views.VisionOverview;
import be.coordinaat.policy.Views.VisionView;
import be.coordinaat.selfevaluation.SelfEvaluationResults.RoundSummary;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The policy plan as a print-ready PDF (A4) in Dutch or English: the vision, the starting situation (the latest
 * self-evaluation's area scores when there is one), goals with their actions, a timeline per school year and the
 * budget. Editors export the live plan (marked with its status); other readers the approved version. The budget
 * lines' use comes from the budget module only for readers of the school's budget.
 */
@Service
@Transactional(readOnly = true)
public class PlanExport {

    static final String TEMPLATE = "policy/document/plan";
    static final String STYLESHEET = "static/css/policy-plan.css";
    private static final String PDF_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** A school year of the timeline with the actions due in it ({@code label} null: without a deadline). */
    public record TimelineYear(String label, List<ActionView> actions) {}

    /** Everything the document shows. */
    public record PlanDocument(PlanView plan, VisionView vision, RoundSummary selfEvaluation, List<TimelineYear> timeline,
            List<BudgetUse> budget, BigDecimal amounts, String generatedOn, Map<Long, String> goalTitles) {}

    public record Pdf(String fileName, byte[] content) {}

    private final PolicyPlans plans;
    private final Visions visions;
    private final BudgetLedger ledger;
    private final AccessControl access;
    private final SpringTemplateEngine templates;
    private final String css;

    PlanExport(PolicyPlans plans, Visions visions, BudgetLedger ledger, AccessControl access, SpringTemplateEngine templates) {
        this.plans = plans;
        this.visions = visions;
        this.ledger = ledger;
        this.access = access;
        this.templates = templates;
        try (InputStream in = new ClassPathResource(STYLESHEET).getInputStream()) {
            this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PlanDocument document(long planId) {
        PlanView plan = plans.plan(planId);
        VisionOverview vision = visions.overview(plan.schoolId());
        VisionView shown = vision.approved() != null ? vision.approved() : (plans.isEditor(plan.schoolId()) ? vision.current() : null);
        RoundSummary round = plans.selfEvaluation(plan.schoolId()).orElse(null);
        Map<String, List<ActionView>> byYear = new LinkedHashMap<>();
        plan.actions().stream().filter(a -> a.status() != ActionStatus.CANCELLED)
                .sorted(java.util.Comparator.comparing(ActionView::deadline, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .forEach(a -> byYear.computeIfAbsent(a.deadline() == null ? "" : PolicyAccess.schoolYear(a.deadline()), k -> new ArrayList<>()).add(a));
        List<TimelineYear> timeline = byYear.entrySet().stream()
                .map(e -> new TimelineYear(e.getKey().isEmpty() ? null : e.getKey(), e.getValue())).toList();
        List<BudgetUse> budget = List.of();
        if (access.can(Permission.BUDGET_READ, plan.schoolId())) {
            Map<Long, Long> perLine = plan.actions().stream().filter(a -> a.budgetLineId() != null && a.status() != ActionStatus.CANCELLED)
                    .collect(Collectors.groupingBy(ActionView::budgetLineId, LinkedHashMap::new, Collectors.counting()));
            Set<Long> lines = new LinkedHashSet<>(perLine.keySet());
            budget = ledger.statuses(plan.schoolId(), lines).stream()
                    .map(l -> new BudgetUse(l.id(), l.label(), l.yearLabel(), l.planned(), l.committed(), l.spent(), l.remaining(),
                            l.exceeded(), perLine.getOrDefault(l.id(), 0L)))
                    .toList();
        }
        Map<Long, String> goalTitles = plan.goals().stream().collect(Collectors.toMap(g -> g.id(), g -> g.title()));
        return new PlanDocument(plan, shown, round, timeline, budget, plan.amounts(),
                new Formats().date(LocalDate.now(Formats.ZONE)), goalTitles);
    }

    /** The plan as PDF in {@code locale} (Dutch unless English is asked for). */
    public Pdf pdf(long planId, Locale locale) {
        PlanDocument doc = document(planId);
        Locale lang = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("nl-BE");
        Context context = new Context(lang);
        context.setVariable("doc", doc);
        context.setVariable("fmt", new Formats());
        String article = templates.process(TEMPLATE, Set.of("document"), context).strip();
        String xhtml = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + lang.getLanguage() + "\"><head>"
                + "<meta charset=\"UTF-8\"/><title>" + org.springframework.web.util.HtmlUtils.htmlEscapeDecimal(doc.plan().title())
                + "</title><style>\n" + css + "\n</style></head><body>" + article + "</body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> PlanExport.class.getResourceAsStream(PDF_FONT), "Liberation Sans");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = ("beleidsplan-" + doc.plan().startYear() + "-" + doc.plan().endYear() + "-" + lang.getLanguage() + ".pdf");
        return new Pdf(name, out.toByteArray());
    }
}
