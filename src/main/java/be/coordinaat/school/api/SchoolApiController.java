package be.coordinaat.school.api;

import be.coordinaat.school.Forms.BuildingForm;
import be.coordinaat.school.Forms.CampusForm;
import be.coordinaat.school.Forms.CommunityForm;
import be.coordinaat.school.Forms.RoomForm;
import be.coordinaat.school.Forms.SchoolForm;
import be.coordinaat.school.Schools;
import be.coordinaat.school.Views.BuildingView;
import be.coordinaat.school.Views.CampusView;
import be.coordinaat.school.Views.CommunityView;
import be.coordinaat.school.Views.RoomView;
import be.coordinaat.school.Views.SchoolView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
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

/** REST API for schools, the school community and places. Updates send the {@code version} they read. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Schools and places")
class SchoolApiController {

    private final Schools schools;

    SchoolApiController(Schools schools) {
        this.schools = schools;
    }

    @GetMapping("/schools")
    @Operation(summary = "Schools you may see; sort by name, number, city or level (prefix - for descending)")
    Page<SchoolView> schools(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return schools.schools(PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/schools/{id}")
    SchoolView school(@PathVariable long id) {
        return schools.school(id);
    }

    @PostMapping("/schools")
    ResponseEntity<SchoolView> createSchool(@Valid @RequestBody SchoolForm form) {
        long id = schools.createSchool(form);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + id)).body(schools.school(id));
    }

    @PutMapping("/schools/{id}")
    SchoolView updateSchool(@PathVariable long id, @Valid @RequestBody SchoolForm form) {
        schools.updateSchool(id, form);
        return schools.school(id);
    }

    @GetMapping("/communities")
    List<CommunityView> communities() {
        return schools.communities();
    }

    @PostMapping("/communities")
    ResponseEntity<CommunityView> createCommunity(@Valid @RequestBody CommunityForm form) {
        long id = schools.createCommunity(form);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + id)).body(schools.community(id));
    }

    @GetMapping("/schools/{schoolId}/campuses")
    List<CampusView> campuses(@PathVariable long schoolId) {
        return schools.campuses(schoolId);
    }

    @PostMapping("/schools/{schoolId}/campuses")
    ResponseEntity<CampusView> createCampus(@PathVariable long schoolId, @Valid @RequestBody CampusForm form) {
        long id = schools.createCampus(schoolId, form);
        return ResponseEntity.created(URI.create("/api/v1/campuses/" + id)).body(schools.campus(id));
    }

    @GetMapping("/campuses/{id}")
    CampusView campus(@PathVariable long id) {
        return schools.campus(id);
    }

    @PutMapping("/campuses/{id}")
    CampusView updateCampus(@PathVariable long id, @Valid @RequestBody CampusForm form) {
        schools.updateCampus(id, form);
        return schools.campus(id);
    }

    @DeleteMapping("/campuses/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCampus(@PathVariable long id) {
        schools.deleteCampus(id);
    }

    @GetMapping("/schools/{schoolId}/buildings")
    List<BuildingView> buildings(@PathVariable long schoolId) {
        return schools.buildings(schoolId);
    }

    @PostMapping("/schools/{schoolId}/buildings")
    ResponseEntity<BuildingView> createBuilding(@PathVariable long schoolId, @Valid @RequestBody BuildingForm form) {
        long id = schools.createBuilding(schoolId, form);
        return ResponseEntity.created(URI.create("/api/v1/buildings/" + id)).body(schools.building(id));
    }

    @GetMapping("/buildings/{id}")
    BuildingView building(@PathVariable long id) {
        return schools.building(id);
    }

    @PutMapping("/buildings/{id}")
    BuildingView updateBuilding(@PathVariable long id, @Valid @RequestBody BuildingForm form) {
        schools.updateBuilding(id, form);
        return schools.building(id);
    }

    @DeleteMapping("/buildings/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteBuilding(@PathVariable long id) {
        schools.deleteBuilding(id);
    }

    @GetMapping("/schools/{schoolId}/rooms")
    Page<RoomView> rooms(@PathVariable long schoolId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        return schools.rooms(schoolId, PageQuery.of(page, size, sort, q));
    }

    @PostMapping("/schools/{schoolId}/rooms")
    ResponseEntity<RoomView> createRoom(@PathVariable long schoolId, @Valid @RequestBody RoomForm form) {
        long id = schools.createRoom(schoolId, form);
        return ResponseEntity.created(URI.create("/api/v1/rooms/" + id)).body(schools.room(id));
    }

    @GetMapping("/rooms/{id}")
    RoomView room(@PathVariable long id) {
        return schools.room(id);
    }

    @PutMapping("/rooms/{id}")
    RoomView updateRoom(@PathVariable long id, @Valid @RequestBody RoomForm form) {
        schools.updateRoom(id, form);
        return schools.room(id);
    }

    @DeleteMapping("/rooms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRoom(@PathVariable long id) {
        schools.deleteRoom(id);
    }
}
