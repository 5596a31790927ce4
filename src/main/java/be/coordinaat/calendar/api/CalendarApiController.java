package be.coordinaat.calendar.api;

import be.coordinaat.calendar.Forms.ClosureForm;
import be.coordinaat.calendar.Forms.HolidaysCommand;
import be.coordinaat.calendar.Forms.HoursForm;
import be.coordinaat.calendar.SchoolCalendars;
import be.coordinaat.calendar.Views.CalendarView;
import be.coordinaat.calendar.Views.ClockState;
import be.coordinaat.calendar.Views.ClosureView;
import be.coordinaat.calendar.Views.GeneratedHolidays;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the calendars: a school's ({@code /api/v1/schools/{id}/calendar}) and the board default
 * ({@code /api/v1/board/calendar}). Reading needs SCHOOL_READ in the school; changing needs HELPDESK_CONFIGURE in the
 * school (board default: board-wide). Another school's calendar or closure is 404.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Calendar")
class CalendarApiController {

    private final SchoolCalendars calendars;

    CalendarApiController(SchoolCalendars calendars) {
        this.calendars = calendars;
    }

    // ---- a school ----

    @GetMapping("/schools/{id}/calendar")
    @Operation(summary = "The school's week hours (own or the board's), time zone and whether it follows the board's closures")
    CalendarView calendar(@PathVariable long id) {
        return calendars.calendar(id);
    }

    @PutMapping("/schools/{id}/calendar")
    @Operation(summary = "Sets the school's hours: per weekday spans such as \"08:15-12:05, 13:15-15:45\" (empty: closed); "
            + "ownHours false follows the board's hours; zoneId empty follows the board's; boardClosures false ignores "
            + "the board's closures")
    CalendarView updateCalendar(@PathVariable long id, @Valid @RequestBody HoursForm form) {
        return calendars.updateHours(id, form);
    }

    @GetMapping("/schools/{id}/calendar/clock")
    @Operation(summary = "Whether the school is open now and when it opens next")
    ClockState clock(@PathVariable long id) {
        return calendars.clockState(id);
    }

    @GetMapping("/schools/{id}/calendar/closures")
    @Operation(summary = "The school's closures (its own and the board's it follows) touching from–to, in date order; "
            + "overlaps flags closures that share a day with another")
    Page<ClosureView> closures(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return calendars.closures(id, from, to, PageQuery.of(page, size, null, null));
    }

    @GetMapping("/schools/{id}/calendar/closures.ics")
    @Operation(summary = "The school's closures from a year ago onwards as an iCalendar file (all-day events)")
    ResponseEntity<String> iCalendar(@PathVariable long id) {
        return ics(calendars.iCalendar(id), "kalender-" + id + ".ics");
    }

    @GetMapping("/board/calendar/closures.ics")
    @Operation(summary = "The board's closures from a year ago onwards as an iCalendar file")
    ResponseEntity<String> boardICalendar() {
        return ics(calendars.iCalendar(null), "kalender-schoolbestuur.ics");
    }

    static ResponseEntity<String> ics(String body, String fileName) {
        return ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    @GetMapping("/schools/{id}/calendar/closures/{closureId}")
    ClosureView closure(@PathVariable long id, @PathVariable long closureId) {
        return calendars.closure(id, closureId);
    }

    @PostMapping("/schools/{id}/calendar/closures")
    @Operation(summary = "Adds a closure of whole days (lastDay empty: one day); overlaps are allowed")
    ResponseEntity<ClosureView> createClosure(@PathVariable long id, @Valid @RequestBody ClosureForm form) {
        long closureId = calendars.createClosure(id, form);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + id + "/calendar/closures/" + closureId))
                .body(calendars.closure(id, closureId));
    }

    @PutMapping("/schools/{id}/calendar/closures/{closureId}")
    ClosureView updateClosure(@PathVariable long id, @PathVariable long closureId, @Valid @RequestBody ClosureForm form) {
        calendars.updateClosure(id, closureId, form);
        return calendars.closure(id, closureId);
    }

    @DeleteMapping("/schools/{id}/calendar/closures/{closureId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteClosure(@PathVariable long id, @PathVariable long closureId) {
        calendars.deleteClosure(id, closureId);
    }

    @PostMapping("/schools/{id}/calendar/holidays")
    @Operation(summary = "Adds the official Flemish school holidays and public holidays of a school year (\"2026-2027\") "
            + "to the school's closures; holidays already present are skipped")
    GeneratedHolidays generate(@PathVariable long id, @Valid @RequestBody HolidaysCommand command) {
        return calendars.generateHolidays(id, command);
    }

    // ---- the board default ----

    @GetMapping("/board/calendar")
    @Operation(summary = "The board default calendar that schools inherit")
    CalendarView boardCalendar() {
        return calendars.calendar(null);
    }

    @PutMapping("/board/calendar")
    @Operation(summary = "Sets the board default hours and time zone (board admins)")
    CalendarView updateBoardCalendar(@Valid @RequestBody HoursForm form) {
        return calendars.updateHours(null, form);
    }

    @GetMapping("/board/calendar/closures")
    Page<ClosureView> boardClosures(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return calendars.closures(null, from, to, PageQuery.of(page, size, null, null));
    }

    @GetMapping("/board/calendar/closures/{closureId}")
    ClosureView boardClosure(@PathVariable long closureId) {
        return calendars.closure(null, closureId);
    }

    @PostMapping("/board/calendar/closures")
    ResponseEntity<ClosureView> createBoardClosure(@Valid @RequestBody ClosureForm form) {
        long closureId = calendars.createClosure(null, form);
        return ResponseEntity.created(URI.create("/api/v1/board/calendar/closures/" + closureId))
                .body(calendars.closure(null, closureId));
    }

    @PutMapping("/board/calendar/closures/{closureId}")
    ClosureView updateBoardClosure(@PathVariable long closureId, @Valid @RequestBody ClosureForm form) {
        calendars.updateClosure(null, closureId, form);
        return calendars.closure(null, closureId);
    }

    @DeleteMapping("/board/calendar/closures/{closureId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteBoardClosure(@PathVariable long closureId) {
        calendars.deleteClosure(null, closureId);
    }

    @PostMapping("/board/calendar/holidays")
    GeneratedHolidays generateForBoard(@Valid @RequestBody HolidaysCommand command) {
        return calendars.generateHolidays(null, command);
    }
}
