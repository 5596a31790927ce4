package be.coordinaat.privacy.web;

import be.coordinaat.privacy.Forms.ReviewForm;
import be.coordinaat.privacy.PrivacyOverview;
import be.coordinaat.privacy.Reviews;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The privacy overview, and the comments, advice and sign-offs posted from every privacy record's page. */
@Controller
class PrivacyController {

    /** URL segment of a record's pages to its review type. */
    static final Map<String, String> TYPES = Map.of("processing", "processing", "agreements", "agreement", "dpias", "dpia",
            "breaches", "breach");

    private final PrivacyOverview overview;
    private final Reviews reviews;

    PrivacyController(PrivacyOverview overview, Reviews reviews) {
        this.overview = overview;
        this.reviews = reviews;
    }

    @GetMapping("/privacy")
    String overview(Model model) {
        model.addAttribute("overview", overview.overview());
        return "privacy/overview";
    }

    @PostMapping("/privacy/{segment}/{id}/reviews")
    String review(@PathVariable String segment, @PathVariable long id, @Valid @ModelAttribute ReviewForm form,
            BindingResult errors, RedirectAttributes redirect) {
        String type = TYPES.get(segment);
        if (type == null) {
            throw new NotFoundException("privacy record", segment + "/" + id);
        }
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("flashError", "privacy.flash.review.invalid");
        } else {
            try {
                reviews.add(type, id, form);
                redirect.addFlashAttribute("flash", "privacy.flash.review." + form.kind());
            } catch (InvalidInputException e) {
                redirect.addFlashAttribute("flashError", "privacy.flash.review.invalid");
            }
        }
        return "redirect:/privacy/" + segment + "/" + id + "#reviews";
    }

    /** Puts the reviews part of a record's page into the model. */
    static void reviews(Model model, Reviews reviews, String type, long id, String segment) {
        boolean comment = reviews.canComment(type, id);
        model.addAttribute("reviewsVisible", comment);
        model.addAttribute("reviews", comment ? reviews.of(type, id) : java.util.List.of());
        model.addAttribute("canComment", comment);
        model.addAttribute("canSignOff", reviews.canSignOff(type, id));
        model.addAttribute("reviewUrl", "/privacy/" + segment + "/" + id + "/reviews");
    }
}
