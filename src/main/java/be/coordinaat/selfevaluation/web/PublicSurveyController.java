package be.coordinaat.selfevaluation.web;

import be.coordinaat.selfevaluation.SurveyAnswering;
import be.coordinaat.selfevaluation.SurveyAnswering.Entry;
import be.coordinaat.selfevaluation.SurveyAnswering.RefusedException;
import be.coordinaat.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The answering pages for people without an account, under {@code /public/survey} (open in the security
 * configuration, CSRF-protected like every form): enter a printed code, or open a group's link, which gives the
 * visitor a one-time code kept in their session; then the questionnaire of the code's group, one area at a time with
 * a progress bar (all areas at once without JavaScript). These pages never show results.
 */
@Controller
class PublicSurveyController {

    private static final String LINK_CODES = PublicSurveyController.class.getName() + ".linkCodes";

    private final SurveyAnswering answering;

    PublicSurveyController(SurveyAnswering answering) {
        this.answering = answering;
    }

    @GetMapping("/public/survey")
    String start(Model model) {
        return "selfevaluation/public/start";
    }

    @PostMapping("/public/survey")
    String enter(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            Entry entry = answering.entry(code, request.getRemoteAddr());
            return "redirect:/public/survey/c/" + entry.code();
        } catch (RefusedException e) {
            response.setStatus(status(e));
            model.addAttribute("refusal", "selfeval.refused." + e.reason());
            model.addAttribute("typed", code == null || code.length() > 20 ? null : code);
            return "selfevaluation/public/start";
        }
    }

    /** A group's link: the visitor gets a one-time code (the same one again on a reload, from the session). */
    @GetMapping("/public/survey/l/{token}")
    String link(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, HttpSession session,
            Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> issued = (Map<String, String>) session.getAttribute(LINK_CODES);
        if (issued != null && issued.containsKey(token)) {
            return "redirect:/public/survey/c/" + issued.get(token);
        }
        try {
            String code = answering.issue(token, request.getRemoteAddr());
            Map<String, String> updated = issued == null ? new HashMap<>() : new HashMap<>(issued);
            if (updated.size() < 20) {
                updated.put(token, code);
            }
            session.setAttribute(LINK_CODES, updated);
            return "redirect:/public/survey/c/" + code;
        } catch (RefusedException e) {
            return refused(e, response, model);
        }
    }

    @GetMapping("/public/survey/c/{code}")
    String questionnaire(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            Entry entry = answering.entry(code, request.getRemoteAddr());
            answering.requireAnswerable(entry);
            return page(entry, Map.of(), Map.of(), model);
        } catch (RefusedException e) {
            return refused(e, response, model);
        }
    }

    @PostMapping("/public/survey/c/{code}")
    String submit(@PathVariable String code, @RequestParam Map<String, String> fields, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            answering.submit(code, fields, request.getRemoteAddr());
            return "redirect:/public/survey/thanks";
        } catch (RefusedException e) {
            return refused(e, response, model);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Entry entry;
            try {
                entry = answering.entry(code, request.getRemoteAddr());
            } catch (RefusedException r) {
                return refused(r, response, model);
            }
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach(p -> problems.putIfAbsent(p.field() == null ? "form" : p.field(), p.messageKey()));
            Map<String, String> chosen = new HashMap<>();
            fields.forEach((k, v) -> {
                if (k.matches("a[0-9]{1,18}") && v != null && v.length() <= 2) {
                    chosen.put(k, v);
                }
            });
            return page(entry, chosen, problems, model);
        }
    }

    @GetMapping("/public/survey/thanks")
    String thanks() {
        return "selfevaluation/public/done";
    }

    private String page(Entry entry, Map<String, String> chosen, Map<String, String> problems, Model model) {
        model.addAttribute("entry", entry);
        model.addAttribute("blocks", answering.questionnaire(entry));
        model.addAttribute("chosen", chosen);
        model.addAttribute("problems", problems);
        model.addAttribute("values", new String[] {"1", "2", "3", "4", "5", SurveyAnswering.NOT_APPLICABLE});
        return "selfevaluation/public/answer";
    }

    private static String refused(RefusedException e, HttpServletResponse response, Model model) {
        response.setStatus(status(e));
        model.addAttribute("refusal", "selfeval.refused." + e.reason());
        return "selfevaluation/public/refused";
    }

    private static int status(RefusedException e) {
        return switch (e.reason()) {
            case UNKNOWN -> 404;
            case USED, NOT_OPEN -> 409;
            case CLOSED -> 410;
            case TOO_MANY -> 429;
        };
    }
}
