package be.coordinaat.audit.web;

import be.coordinaat.audit.History;
import be.coordinaat.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The history fragment shown on every detail page (loaded by htmx) and the board's recent changes. */
@Controller
class HistoryController {

    private final History history;

    HistoryController(History history) {
        this.history = history;
    }

    @GetMapping("/history/record")
    String record(@RequestParam String type, @RequestParam long id, Model model) {
        model.addAttribute("entries", history.of(type, id));
        return "audit/history :: entries";
    }

    @GetMapping("/history")
    String recent(@RequestParam(required = false) Integer page, @RequestParam(required = false) String type, Model model) {
        model.addAttribute("page", history.recent(PageQuery.of(page, 50, null, null), type == null || type.isBlank() ? null : type));
        model.addAttribute("type", type);
        return "audit/history";
    }
}
