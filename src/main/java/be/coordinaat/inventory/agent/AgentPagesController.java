package be.coordinaat.inventory.agent;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.inventory.AgentInventory;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.inventory.agent.Enrolments.Enrolment;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The automatic inventory pages (Technisch → Inventaris → Agents): how to point the agents of a school at
 * Coordinaat (its URL, a new secret, authentication on or off), computers not seen for N days, systems out of
 * support, and the software over the computers; and the "Agent" panel of an asset page.
 */
@Controller
class AgentPagesController {

    /** A school's enrolment as the page shows it (never the secret, which is shown once when made). */
    record EnrolmentRow(long schoolId, String schoolName, boolean enrolled, String url, String token, boolean requireAuth,
            boolean isDefault, int version) {}

    private final AgentInventory agents;
    private final Inventory inventory;
    private final Enrolments enrolments;
    private final AccessControl access;
    private final ApplicationEventPublisher events;
    private final AgentQueue queue;

    AgentPagesController(AgentInventory agents, Inventory inventory, Enrolments enrolments, AccessControl access,
            ApplicationEventPublisher events, AgentQueue queue) {
        this.agents = agents;
        this.inventory = inventory;
        this.enrolments = enrolments;
        this.access = access;
        this.events = events;
        this.queue = queue;
    }

    @GetMapping("/inventory/agents")
    String page(@RequestParam(defaultValue = "stale") String view, @RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) Long school, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort, Model model,
            HttpServletRequest request) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        String v = switch (view) {
            case "os", "software", "setup", "queue" -> view;
            default -> "stale";
        };
        int d = Math.max(1, Math.min(days, 3650));
        PageQuery query = PageQuery.of(page, 50, sort, q);
        model.addAttribute("view", v);
        model.addAttribute("days", d);
        model.addAttribute("school", school);
        model.addAttribute("q", query.q());
        model.addAttribute("sort", sort);
        model.addAttribute("schools", inventory.readableSchools());
        switch (v) {
            case "os" -> model.addAttribute("page", agents.outOfSupport(school, query));
            case "software" -> model.addAttribute("page", agents.software(school, query));
            case "setup" -> model.addAttribute("enrolments", enrolmentRows(request));
            case "queue" -> {
                boolean refused = "refused".equals(sort);
                model.addAttribute("refused", refused);
                model.addAttribute("page", queue.list(refused, PageQuery.of(page, 50, null, null)));
                model.addAttribute("queueSetting", queue.setting());
                model.addAttribute("canSwitchQueue", access.canForBoard(Permission.BOARD_MANAGE));
                model.addAttribute("manageable", inventory.manageableSchools());
            }
            default -> model.addAttribute("page", agents.notSeenFor(d, school, query));
        }
        model.addAttribute("canManage", access.canAnywhere(Permission.INVENTORY_MANAGE));
        return "inventory/agents";
    }

    private List<EnrolmentRow> enrolmentRows(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        List<EnrolmentRow> rows = new ArrayList<>();
        for (SchoolRef s : inventory.manageableSchools()) {
            Enrolment e = enrolments.ofSchool(s.id()).orElse(null);
            rows.add(e == null ? new EnrolmentRow(s.id(), s.name(), false, null, null, true, false, 0)
                    : new EnrolmentRow(s.id(), s.name(), true, base + "/ocsinventory/" + e.token(), e.token(), e.requireAuth(),
                            e.isDefault(), e.version()));
        }
        return rows;
    }

    /** Enrols a school or renews its secret; the secret is shown once. */
    @PostMapping("/inventory/agents/{schoolId}/secret")
    @Transactional
    String secret(@PathVariable long schoolId, RedirectAttributes redirect) {
        requireManage(schoolId);
        boolean existed = enrolments.ofSchool(schoolId).isPresent();
        String secret = enrolments.enrol(schoolId, access.current().boardId(), true, false);
        events.publishEvent(new RecordChanged("agent-enrolment", schoolId, access.current().boardId(), schoolId,
                existed ? RecordChanged.UPDATED : RecordChanged.CREATED, null,
                RecordChanged.diff(Map.of(), Map.of("secret", existed ? "renewed" : "created"))));
        redirect.addFlashAttribute("flash", "agent.secret.made");
        redirect.addFlashAttribute("newSecret", secret);
        redirect.addFlashAttribute("newSecretSchool", schoolId);
        return "redirect:/inventory/agents?view=setup";
    }

    @PostMapping("/inventory/agents/{schoolId}/auth")
    @Transactional
    String auth(@PathVariable long schoolId, @RequestParam boolean requireAuth, @RequestParam int version,
            RedirectAttributes redirect) {
        requireManage(schoolId);
        Enrolment before = enrolments.ofSchool(schoolId).orElseThrow(() -> new NotFoundException("agent-enrolment", schoolId));
        if (enrolments.setRequireAuth(schoolId, requireAuth, version) == 0) {
            throw ConflictException.staleVersion("agent-enrolment", schoolId);
        }
        events.publishEvent(new RecordChanged("agent-enrolment", schoolId, access.current().boardId(), schoolId,
                RecordChanged.UPDATED, null, RecordChanged.diff(Map.of("requireAuth", before.requireAuth()),
                        Map.of("requireAuth", requireAuth))));
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/inventory/agents?view=setup";
    }

    // ---- unknown agents ----

    @PostMapping("/inventory/agents/queue/setting")
    String queueSetting(@RequestParam boolean enabled, @RequestParam int version, RedirectAttributes redirect) {
        queue.setEnabled(enabled, version);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/inventory/agents?view=queue";
    }

    @PostMapping("/inventory/agents/queue/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) Long schoolId, @RequestParam int version,
            RedirectAttributes redirect) {
        if (schoolId == null) {
            redirect.addFlashAttribute("flashError", "agent.queue.error.school");
            return "redirect:/inventory/agents?view=queue";
        }
        try {
            Long asset = queue.accept(id, schoolId, version);
            redirect.addFlashAttribute("flash", "agent.queue.accepted");
            return asset == null ? "redirect:/inventory/agents?view=queue" : "redirect:/inventory/assets/" + asset;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "agent.queue.error.school");
            return "redirect:/inventory/agents?view=queue";
        }
    }

    @PostMapping("/inventory/agents/queue/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        queue.refuse(id, version);
        redirect.addFlashAttribute("flash", "agent.queue.refused");
        return "redirect:/inventory/agents?view=queue";
    }

    @PostMapping("/inventory/agents/queue/{id}/forget")
    String forget(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        queue.forget(id, version);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/inventory/agents?view=queue&sort=refused";
    }

    private void requireManage(long schoolId) {
        if (!access.can(Permission.INVENTORY_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        access.require(Permission.INVENTORY_MANAGE, schoolId);
    }

    /** The "Agent" panel of an asset page (htmx); empty when no agent reported this asset. */
    @GetMapping("/inventory/assets/{id}/agent")
    String panel(@PathVariable long id, Model model) {
        model.addAttribute("agent", agents.ofAsset(id).orElse(null));
        return "inventory/agent :: agentPanel";
    }
}
