package be.coordinaat.inventory.web;

import be.coordinaat.inventory.Inventory;
import be.coordinaat.inventory.Stocktakes;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stocktake pages, phone first: the rooms and stocktakes, one stocktake with its scan field (typing, a USB or
 * Bluetooth scanner, or the camera through {@code js/stocktake.js}) whose scans swap the lists in place (htmx), and
 * the "next audit due" list.
 */
@Controller
class StocktakeController {

    private final Stocktakes stocktakes;
    private final Inventory inventory;

    StocktakeController(Stocktakes stocktakes, Inventory inventory) {
        this.stocktakes = stocktakes;
        this.inventory = inventory;
    }

    @GetMapping("/inventory/stocktakes")
    String list(@RequestParam(required = false) Long school, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("rooms", stocktakes.rooms(school));
        model.addAttribute("page", stocktakes.list(null, PageQuery.of(page, 25, null, null)));
        return "inventory/stocktakes";
    }

    @PostMapping("/inventory/stocktakes")
    String start(@RequestParam(required = false) Long roomId, RedirectAttributes redirect) {
        if (roomId == null) {
            redirect.addFlashAttribute("flashError", "stocktake.error.room");
            return "redirect:/inventory/stocktakes";
        }
        return "redirect:/inventory/stocktakes/" + stocktakes.start(roomId);
    }

    @GetMapping("/inventory/stocktakes/{id}")
    String stocktake(@PathVariable long id, Model model) {
        model.addAttribute("st", stocktakes.stocktake(id));
        return "inventory/stocktake";
    }

    @PostMapping("/inventory/stocktakes/{id}/scans")
    String scan(@PathVariable long id, @RequestParam(required = false) String code,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("result", stocktakes.scan(id, code));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.problems().get(0).messageKey());
        } catch (ConflictException e) {
            model.addAttribute("error", e.messageKey());
        }
        if (htmx == null) {
            redirect.addFlashAttribute("result", model.getAttribute("result"));
            redirect.addFlashAttribute("error", model.getAttribute("error"));
            return "redirect:/inventory/stocktakes/" + id;
        }
        model.addAttribute("st", stocktakes.stocktake(id));
        return "inventory/stocktake :: lists";
    }

    @PostMapping("/inventory/stocktakes/{id}/move")
    String move(@PathVariable long id, @RequestParam long assetId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        try {
            stocktakes.moveHere(id, assetId);
            model.addAttribute("moved", true);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.problems().get(0).messageKey());
        } catch (ConflictException e) {
            model.addAttribute("error", e.messageKey());
        }
        if (htmx == null) {
            return "redirect:/inventory/stocktakes/" + id;
        }
        model.addAttribute("st", stocktakes.stocktake(id));
        return "inventory/stocktake :: lists";
    }

    @PostMapping("/inventory/stocktakes/{id}/finish")
    String finish(@PathVariable long id, @RequestParam(required = false) List<Long> missing, RedirectAttributes redirect) {
        try {
            stocktakes.finish(id, missing);
            redirect.addFlashAttribute("flash", "stocktake.finished");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().get(0).messageKey());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/inventory/stocktakes/" + id;
    }

    @GetMapping("/inventory/audits/due")
    String due(@RequestParam(required = false) Integer months, @RequestParam(required = false) Long school,
            @RequestParam(required = false) Long room, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort, Model model) {
        int m = months == null || months < 1 || months > 120 ? Stocktakes.DEFAULT_MONTHS : months;
        PageQuery query = PageQuery.of(page, 50, sort, null);
        model.addAttribute("page", stocktakes.due(m, school, room, query));
        model.addAttribute("months", m);
        model.addAttribute("school", school);
        model.addAttribute("room", room);
        model.addAttribute("sort", query.sortParam());
        model.addAttribute("schools", inventory.readableSchools());
        model.addAttribute("params", Map.of());
        return "inventory/audits-due";
    }
}
