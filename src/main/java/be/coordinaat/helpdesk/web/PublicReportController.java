package be.coordinaat.helpdesk.web;

import be.coordinaat.helpdesk.Forms.PublicReplyForm;
import be.coordinaat.helpdesk.Forms.PublicReportForm;
import be.coordinaat.helpdesk.PublicReports;
import be.coordinaat.helpdesk.PublicReports.RefusedException;
import be.coordinaat.helpdesk.Views.PublicReceipt;
import be.coordinaat.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public problem report behind the QR code of a label ({@code /report/a/<school>/<tag>}) and the reporter's follow
 * page ({@code /report/t/<token>}). No account needed; the form looks the same for every tag, so it reveals nothing.
 */
@Controller
class PublicReportController {

    private static final String SHOWN_AT = PublicReportController.class.getName() + ".shownAt";

    private final PublicReports reports;

    PublicReportController(PublicReports reports) {
        this.reports = reports;
    }

    @GetMapping("/report/a/{schoolId}/{*tag}")
    String form(@PathVariable long schoolId, @PathVariable String tag, HttpSession session, Model model) {
        session.setAttribute(SHOWN_AT, Instant.now());
        model.addAttribute("form", new PublicReportForm(null, null, null, null));
        model.addAttribute("action", "/report/a/" + schoolId + "/" + strip(tag));
        return "helpdesk/public/report";
    }

    @PostMapping("/report/a/{schoolId}/{*tag}")
    String submit(@PathVariable long schoolId, @PathVariable String tag, @ModelAttribute("form") PublicReportForm form,
            BindingResult errors, @RequestParam(name = "photo", required = false) MultipartFile photo,
            HttpServletRequest request, HttpSession session, Model model) throws IOException {
        String t = strip(tag);
        model.addAttribute("action", "/report/a/" + schoolId + "/" + t);
        if (errors.hasErrors()) {
            return again(model, form, errors, null);
        }
        try {
            PublicReceipt receipt = reports.report(schoolId, t, form, photo == null ? null : photo.getOriginalFilename(),
                    photo == null || photo.isEmpty() ? null : photo.getBytes(), request.getRemoteAddr(),
                    (Instant) session.getAttribute(SHOWN_AT));
            session.removeAttribute(SHOWN_AT);
            model.addAttribute("receipt", receipt);
            return "helpdesk/public/done";
        } catch (InvalidInputException e) {
            BindingResult result = new BeanPropertyBindingResult(form, "form");
            for (var p : e.problems()) {
                if ("photo".equals(p.field())) {
                    // the photo is a file part, not a field of the form record
                    model.addAttribute("photoError", p.messageKey());
                    model.addAttribute("photoArgs", p.args());
                } else {
                    result.rejectValue(p.field(), p.messageKey(), p.args(), p.defaultMessage());
                }
            }
            return again(model, form, result, null);
        } catch (RefusedException e) {
            session.setAttribute(SHOWN_AT, Instant.now());
            return again(model, form, null, "report.refused." + e.reason());
        }
    }

    private String again(Model model, PublicReportForm form, BindingResult errors, String refusal) {
        model.addAttribute("form", new PublicReportForm(form.description(), form.name(), form.email(), null));
        if (errors != null) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(model.getAttribute("form"), "form");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", kept);
        }
        model.addAttribute("refusal", refusal);
        return "helpdesk/public/report";
    }

    @GetMapping("/report/t/{token}")
    String follow(@PathVariable String token, HttpSession session, Model model) {
        model.addAttribute("ticket", reports.follow(token));
        model.addAttribute("token", token);
        session.setAttribute(SHOWN_AT, Instant.now());
        return "helpdesk/public/follow";
    }

    @PostMapping("/report/t/{token}")
    String reply(@PathVariable String token, @RequestParam(required = false) String body,
            @RequestParam(required = false) String website, HttpServletRequest request, HttpSession session, Model model) {
        try {
            reports.reply(token, new PublicReplyForm(body, website), request.getRemoteAddr(), (Instant) session.getAttribute(SHOWN_AT));
            return "redirect:/report/t/" + token + "?sent";
        } catch (InvalidInputException e) {
            model.addAttribute("replyError", e.problems().get(0).messageKey());
            model.addAttribute("replyArgs", e.problems().get(0).args());
        } catch (RefusedException e) {
            model.addAttribute("replyError", "report.refused." + e.reason());
        }
        model.addAttribute("body", body);
        return follow(token, session, model);
    }

    private static String strip(String tag) {
        String t = tag.startsWith("/") ? tag.substring(1) : tag;
        return t.length() > 60 ? t.substring(0, 60) : t;
    }
}
