package be.coordinaat.policy.api;

import be.coordinaat.policy.Forms.PilotForm;
import be.coordinaat.policy.Pilots;
import be.coordinaat.policy.ScaleUp;
import be.coordinaat.policy.Views.PilotRow;
import be.coordinaat.policy.Views.PilotView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
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

/** REST API of the classroom pilots. */
@RestController
@RequestMapping("/api/v1/policy/pilots")
@Tag(name = "Policy: pilots")
class PolicyPilotApiController {

    private final Pilots pilots;

    PolicyPilotApiController(Pilots pilots) {
        this.pilots = pilots;
    }

    @GetMapping
    @Operation(summary = "Pilots of your schools; filter by schoolId, scaleUp (YES, NO, MAYBE), q (title, tool, class); "
            + "sort by start, title, class or school")
    Page<PilotRow> list(@RequestParam(required = false) Long schoolId, @RequestParam(required = false) ScaleUp scaleUp,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return pilots.list(schoolId, scaleUp, PageQuery.of(page, size, sort, q));
    }

    @PostMapping
    @Operation(summary = "Registers a pilot; the tool is toolName or softwareId (catalogue), the teacher teacherUserId "
            + "(an account of the school) or teacherName; goalIds link goals of the school's plans")
    ResponseEntity<PilotView> create(@Valid @RequestBody PilotForm form) {
        long id = pilots.create(form);
        return ResponseEntity.created(URI.create("/api/v1/policy/pilots/" + id)).body(pilots.pilot(id));
    }

    @GetMapping("/{id}")
    PilotView pilot(@PathVariable long id) {
        return pilots.pilot(id);
    }

    @PutMapping("/{id}")
    PilotView update(@PathVariable long id, @Valid @RequestBody PilotForm form) {
        pilots.update(id, form);
        return pilots.pilot(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        pilots.delete(id);
    }
}
