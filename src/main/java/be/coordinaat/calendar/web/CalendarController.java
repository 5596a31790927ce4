package be.coordinaat.calendar.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.calendar.ClosureKind;
import be.coordinaat.calendar.Forms.ClosureForm;
import be.coordinaat.calendar.Forms.HolidaysCommand;
import be.coordinaat.calendar.Forms.HoursForm;
import be.coordinaat.calendar.SchoolCalendars;
import be.coordinaat.calendar.SchoolYear;
import be.coordinaat.calendar.Views.CalendarView;
import be.coordinaat.calendar.Views.ClosureView;
import be.coordinaat.calendar.Views.GeneratedHolidays;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar pages: the overview of the calendars, a school's calendar ({@code /schools/{id}/calendar}) and the
 * board default ({@code /board/calendar}) with the week hours, the closures of a school year, the coming closures and
 * the history; the hours form, the closure form and the "add the Flemish holidays" button.
 */
@Controller
class CalendarController {

    /** One weekday field of the hours form. */
    record DayField(String field, java.time.DayOfWeek day) {}

    private static final java.util.List<DayField> DAY_FIELDS = java.util.Arrays.stream(java.time.DayOfWeek.values())
            .map(d -> new DayField(d.name().toLowerCase(java.util.Locale.ROOT), d)).toList();

    private final SchoolCalendars calendars;
    private final AccessControl access;

    CalendarController(SchoolCalendars calendars, AccessControl access) {
        this.calendars = calendars;
        this.access = access;
    }

    private static String base(Long schoolId) {
        return schoolId == null ? "/board/calendar" : "/schools/" + schoolId + "/calendar";
    }

    @GetMapping("/calendars")
    String overview(Model model) {
        access.requireAnywhere(Permission.SCHOOL_READ);
        model.addAttribute("board", calendars.calendar(null));
        model.addAttribute("schools", calendars.readableSchools());
        model.addAttribute("canEditBoard", calendars.canEditBoard());
        return "calendar/calendars";
    }

    // ---- the calendar page ----

    @GetMapping("/schools/{id}/calendar")
    String school(@PathVariable long id, @RequestParam(required = false) String year, Model model) {
        return show(id, year, model);
    }

    @GetMapping("/board/calendar")
    String board(@RequestParam(required = false) String year, Model model) {
        return show(null, year, model);
    }

    private String show(Long schoolId, String year, Model model) {
        CalendarView calendar = calendars.calendar(schoolId);
        SchoolYear shown = parseYear(year, calendar);
        model.addAttribute("calendar", calendar);
        model.addAttribute("base", base(schoolId));
        model.addAttribute("year", shown);
        model.addAttribute("years", calendars.schoolYears());
        model.addAttribute("closures", calendars.closures(schoolId, shown.firstDay(), shown.lastDay(),
                new PageQuery(0, PageQuery.MAX_SIZE, null, false, null)));
        model.addAttribute("upcoming", calendars.upcoming(schoolId, 5));
        model.addAttribute("canEdit", schoolId == null ? calendars.canEditBoard() : calendars.canEdit(schoolId));
        if (schoolId != null) {
            model.addAttribute("clock", calendars.clockState(schoolId));
        }
        model.addAttribute("holidays", new HolidaysCommand(shown.label()));
        return "calendar/calendar";
    }

    /** The school year in the URL, or the current one; a hand-edited value that is no school year shows the current. */
    private static SchoolYear parseYear(String year, CalendarView calendar) {
        if (year != null) {
            try {
                return SchoolYear.parse(year);
            } catch (IllegalArgumentException ignored) {
                // fall through
            }
        }
        return SchoolYear.containing(LocalDate.now(ZoneId.of(calendar.zoneId())));
    }

    @GetMapping("/schools/{id}/calendar/closures.ics")
    org.springframework.http.ResponseEntity<String> schoolICalendar(@PathVariable long id) {
        return ics(calendars.iCalendar(id), "kalender-" + id + ".ics");
    }

    @GetMapping("/board/calendar/closures.ics")
    org.springframework.http.ResponseEntity<String> boardICalendar() {
        return ics(calendars.iCalendar(null), "kalender-schoolbestuur.ics");
    }

    private static org.springframework.http.ResponseEntity<String> ics(String body, String fileName) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    // ---- week hours ----

    @GetMapping("/schools/{id}/calendar/hours")
    String schoolHours(@PathVariable long id, Model model) {
        return hoursForm(id, model);
    }

    @GetMapping("/board/calendar/hours")
    String boardHours(Model model) {
        return hoursForm(null, model);
    }

    private String hoursForm(Long schoolId, Model model) {
        CalendarView calendar = requireEdit(schoolId);
        return hoursPage(model, calendar, calendars.hoursForm(calendar));
    }

    private String hoursPage(Model model, CalendarView calendar, HoursForm form) {
        model.addAttribute("calendar", calendar);
        model.addAttribute("base", base(calendar.schoolId()));
        model.addAttribute("form", form);
        model.addAttribute("dayFields", DAY_FIELDS);
        model.addAttribute("boardCalendar", calendar.board() ? calendar : calendars.calendar(null));
        return "calendar/hours-form";
    }

    @PostMapping("/schools/{id}/calendar/hours")
    String saveSchoolHours(@PathVariable long id, @Valid @ModelAttribute("form") HoursForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return saveHours(id, form, errors, model, redirect);
    }

    @PostMapping("/board/calendar/hours")
    String saveBoardHours(@Valid @ModelAttribute("form") HoursForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return saveHours(null, form, errors, model, redirect);
    }

    private String saveHours(Long schoolId, HoursForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        CalendarView calendar = requireEdit(schoolId);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> calendars.updateHours(schoolId, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:" + base(schoolId);
        }
        return hoursPage(model, calendar, form);
    }

    private CalendarView requireEdit(Long schoolId) {
        CalendarView calendar = calendars.calendar(schoolId);
        if (schoolId == null) {
            access.requireForBoard(Permission.HELPDESK_CONFIGURE);
        } else {
            access.require(Permission.HELPDESK_CONFIGURE, schoolId);
        }
        return calendar;
    }

    // ---- closures ----

    @GetMapping("/schools/{id}/calendar/closures/new")
    String newSchoolClosure(@PathVariable long id, @RequestParam(required = false) String kind, Model model) {
        return newClosure(id, kind, model);
    }

    @GetMapping("/board/calendar/closures/new")
    String newBoardClosure(@RequestParam(required = false) String kind, Model model) {
        return newClosure(null, kind, model);
    }

    private String newClosure(Long schoolId, String kind, Model model) {
        CalendarView calendar = requireEdit(schoolId);
        ClosureKind k = ClosureKind.STUDY_DAY;
        try {
            k = kind == null ? k : ClosureKind.valueOf(kind);
        } catch (IllegalArgumentException ignored) {
            // keep the default
        }
        return closurePage(model, calendar, null, new ClosureForm(null, k, null, null, null));
    }

    private String closurePage(Model model, CalendarView calendar, ClosureView closure, ClosureForm form) {
        model.addAttribute("calendar", calendar);
        model.addAttribute("base", base(calendar.schoolId()));
        model.addAttribute("closure", closure);
        model.addAttribute("form", form);
        model.addAttribute("kinds", ClosureKind.values());
        return "calendar/closure-form";
    }

    @PostMapping("/schools/{id}/calendar/closures")
    String createSchoolClosure(@PathVariable long id, @Valid @ModelAttribute("form") ClosureForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return createClosure(id, form, errors, model, redirect);
    }

    @PostMapping("/board/calendar/closures")
    String createBoardClosure(@Valid @ModelAttribute("form") ClosureForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return createClosure(null, form, errors, model, redirect);
    }

    private String createClosure(Long schoolId, ClosureForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        CalendarView calendar = requireEdit(schoolId);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> calendars.createClosure(schoolId, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:" + base(schoolId) + "?year=" + SchoolYear.containing(form.firstDay()).label();
        }
        return closurePage(model, calendar, null, form);
    }

    @GetMapping("/schools/{id}/calendar/closures/{closureId}/edit")
    String editSchoolClosure(@PathVariable long id, @PathVariable long closureId, Model model) {
        return editClosure(id, closureId, model);
    }

    @GetMapping("/board/calendar/closures/{closureId}/edit")
    String editBoardClosure(@PathVariable long closureId, Model model) {
        return editClosure(null, closureId, model);
    }

    private String editClosure(Long schoolId, long closureId, Model model) {
        CalendarView calendar = requireEdit(schoolId);
        ClosureView c = calendars.closure(schoolId, closureId);
        return closurePage(model, calendar, c, new ClosureForm(c.name(), c.kind(), c.firstDay(), c.lastDay(), c.version()));
    }

    @PostMapping("/schools/{id}/calendar/closures/{closureId}")
    String updateSchoolClosure(@PathVariable long id, @PathVariable long closureId,
            @Valid @ModelAttribute("form") ClosureForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        return updateClosure(id, closureId, form, errors, model, redirect);
    }

    @PostMapping("/board/calendar/closures/{closureId}")
    String updateBoardClosure(@PathVariable long closureId, @Valid @ModelAttribute("form") ClosureForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return updateClosure(null, closureId, form, errors, model, redirect);
    }

    private String updateClosure(Long schoolId, long closureId, ClosureForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        CalendarView calendar = requireEdit(schoolId);
        ClosureView closure = calendars.closure(schoolId, closureId);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> calendars.updateClosure(schoolId, closureId, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:" + base(schoolId) + "?year=" + SchoolYear.containing(form.firstDay()).label();
        }
        return closurePage(model, calendar, closure, form);
    }

    @PostMapping("/schools/{id}/calendar/closures/{closureId}/delete")
    String deleteSchoolClosure(@PathVariable long id, @PathVariable long closureId, RedirectAttributes redirect) {
        return deleteClosure(id, closureId, redirect);
    }

    @PostMapping("/board/calendar/closures/{closureId}/delete")
    String deleteBoardClosure(@PathVariable long closureId, RedirectAttributes redirect) {
        return deleteClosure(null, closureId, redirect);
    }

    private String deleteClosure(Long schoolId, long closureId, RedirectAttributes redirect) {
        ClosureView closure = calendars.closure(schoolId, closureId);
        calendars.deleteClosure(schoolId, closureId);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:" + base(schoolId) + "?year=" + SchoolYear.containing(closure.firstDay()).label();
    }

    // ---- Flemish holidays ----

    @PostMapping("/schools/{id}/calendar/holidays")
    String generateForSchool(@PathVariable long id, @RequestParam(required = false) String schoolYear,
            RedirectAttributes redirect) {
        return generate(id, schoolYear, redirect);
    }

    @PostMapping("/board/calendar/holidays")
    String generateForBoard(@RequestParam(required = false) String schoolYear, RedirectAttributes redirect) {
        return generate(null, schoolYear, redirect);
    }

    private String generate(Long schoolId, String schoolYear, RedirectAttributes redirect) {
        try {
            GeneratedHolidays result = calendars.generateHolidays(schoolId, new HolidaysCommand(schoolYear));
            redirect.addFlashAttribute("generated", result);
            return "redirect:" + base(schoolId) + "?year=" + result.schoolYear();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "calendar.error.schoolYear");
            return "redirect:" + base(schoolId);
        }
    }
}
