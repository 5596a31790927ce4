package be.coordinaat.inventory.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.inventory.Reminders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The inventory's reminders card, loaded by the start page. */
@Controller
class ReminderController {

    private final Reminders reminders;
    private final AccessControl access;

    ReminderController(Reminders reminders, AccessControl access) {
        this.reminders = reminders;
        this.access = access;
    }

    @GetMapping("/inventory/reminders")
    String reminders(Model model) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        model.addAttribute("counts", reminders.counts());
        model.addAttribute("warrantyDays", Reminders.WARRANTY_DAYS);
        model.addAttribute("eolDays", Reminders.END_OF_LIFE_DAYS);
        model.addAttribute("auditMonths", Reminders.AUDIT_MONTHS);
        return "inventory/reminders :: card";
    }
}
