package be.coordinaat.school.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.school.Forms.BuildingForm;
import be.coordinaat.school.Forms.CampusForm;
import be.coordinaat.school.Forms.RoomForm;
import be.coordinaat.school.RoomKind;
import be.coordinaat.school.Schools;
import be.coordinaat.school.Views.BuildingView;
import be.coordinaat.school.Views.CampusView;
import be.coordinaat.school.Views.RoomView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for a school's campuses, buildings and rooms. */
@Controller
class PlaceController {

    private final Schools schools;
    private final AccessControl access;

    PlaceController(Schools schools, AccessControl access) {
        this.schools = schools;
        this.access = access;
    }

    // ---- campuses ----

    @GetMapping("/schools/{schoolId}/campuses/new")
    String newCampus(@PathVariable long schoolId, Model model) {
        requireManage(schoolId);
        return campusForm(model, schoolId, null, new CampusForm("", null, null, null, null));
    }

    @PostMapping("/schools/{schoolId}/campuses")
    String createCampus(@PathVariable long schoolId, @Valid @ModelAttribute("form") CampusForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> schools.createCampus(schoolId, form))) {
            return saved(redirect, schoolId);
        }
        requireManage(schoolId);
        return campusForm(model, schoolId, null, form);
    }

    @GetMapping("/campuses/{id}/edit")
    String editCampus(@PathVariable long id, Model model) {
        CampusView c = schools.campus(id);
        requireManage(c.schoolId());
        return campusForm(model, c.schoolId(), id, new CampusForm(c.name(), c.street(), c.postalCode(), c.city(), c.version()));
    }

    @PostMapping("/campuses/{id}")
    String updateCampus(@PathVariable long id, @Valid @ModelAttribute("form") CampusForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        CampusView c = schools.campus(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> schools.updateCampus(id, form))) {
            return saved(redirect, c.schoolId());
        }
        return campusForm(model, c.schoolId(), id, form);
    }

    @PostMapping("/campuses/{id}/delete")
    String deleteCampus(@PathVariable long id, RedirectAttributes redirect) {
        CampusView c = schools.campus(id);
        return delete(redirect, c.schoolId(), () -> schools.deleteCampus(id));
    }

    private String campusForm(Model model, long schoolId, Long id, CampusForm form) {
        model.addAttribute("school", schools.school(schoolId));
        model.addAttribute("form", form);
        model.addAttribute("campusId", id);
        return "school/campus-form";
    }

    // ---- buildings ----

    @GetMapping("/schools/{schoolId}/buildings/new")
    String newBuilding(@PathVariable long schoolId, Model model) {
        requireManage(schoolId);
        Long campus = schools.campuses(schoolId).stream().findFirst().map(CampusView::id).orElse(null);
        return buildingForm(model, schoolId, null, new BuildingForm(campus, "", null));
    }

    @PostMapping("/schools/{schoolId}/buildings")
    String createBuilding(@PathVariable long schoolId, @Valid @ModelAttribute("form") BuildingForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> schools.createBuilding(schoolId, form))) {
            return saved(redirect, schoolId);
        }
        requireManage(schoolId);
        return buildingForm(model, schoolId, null, form);
    }

    @GetMapping("/buildings/{id}/edit")
    String editBuilding(@PathVariable long id, Model model) {
        BuildingView b = schools.building(id);
        requireManage(b.schoolId());
        return buildingForm(model, b.schoolId(), id, new BuildingForm(b.campusId(), b.name(), b.version()));
    }

    @PostMapping("/buildings/{id}")
    String updateBuilding(@PathVariable long id, @Valid @ModelAttribute("form") BuildingForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        BuildingView b = schools.building(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> schools.updateBuilding(id, form))) {
            return saved(redirect, b.schoolId());
        }
        return buildingForm(model, b.schoolId(), id, form);
    }

    @PostMapping("/buildings/{id}/delete")
    String deleteBuilding(@PathVariable long id, RedirectAttributes redirect) {
        BuildingView b = schools.building(id);
        return delete(redirect, b.schoolId(), () -> schools.deleteBuilding(id));
    }

    private String buildingForm(Model model, long schoolId, Long id, BuildingForm form) {
        model.addAttribute("school", schools.school(schoolId));
        model.addAttribute("campuses", schools.campuses(schoolId));
        model.addAttribute("form", form);
        model.addAttribute("buildingId", id);
        return "school/building-form";
    }

    // ---- rooms ----

    @GetMapping("/rooms/{id}")
    String room(@PathVariable long id, Model model) {
        RoomView r = schools.room(id);
        model.addAttribute("room", r);
        model.addAttribute("school", schools.school(r.schoolId()));
        model.addAttribute("canManage", access.can(Permission.PLACES_MANAGE, r.schoolId()));
        return "school/room";
    }

    @GetMapping("/schools/{schoolId}/rooms/new")
    String newRoom(@PathVariable long schoolId, Model model) {
        requireManage(schoolId);
        Long building = schools.buildings(schoolId).stream().findFirst().map(BuildingView::id).orElse(null);
        return roomForm(model, schoolId, null, new RoomForm(building, "", null, null, RoomKind.CLASSROOM, null, null));
    }

    @PostMapping("/schools/{schoolId}/rooms")
    String createRoom(@PathVariable long schoolId, @Valid @ModelAttribute("form") RoomForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = schools.createRoom(schoolId, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/rooms/" + id[0];
        }
        requireManage(schoolId);
        return roomForm(model, schoolId, null, form);
    }

    @GetMapping("/rooms/{id}/edit")
    String editRoom(@PathVariable long id, Model model) {
        RoomView r = schools.room(id);
        requireManage(r.schoolId());
        return roomForm(model, r.schoolId(), id,
                new RoomForm(r.buildingId(), r.name(), r.code(), r.floor(), r.kind(), r.capacity(), r.version()));
    }

    @PostMapping("/rooms/{id}")
    String updateRoom(@PathVariable long id, @Valid @ModelAttribute("form") RoomForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        RoomView r = schools.room(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> schools.updateRoom(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/rooms/" + id;
        }
        return roomForm(model, r.schoolId(), id, form);
    }

    @PostMapping("/rooms/{id}/delete")
    String deleteRoom(@PathVariable long id, RedirectAttributes redirect) {
        RoomView r = schools.room(id);
        return delete(redirect, r.schoolId(), () -> schools.deleteRoom(id));
    }

    private String roomForm(Model model, long schoolId, Long id, RoomForm form) {
        model.addAttribute("school", schools.school(schoolId));
        model.addAttribute("buildings", schools.buildings(schoolId));
        model.addAttribute("kinds", RoomKind.values());
        model.addAttribute("form", form);
        model.addAttribute("roomId", id);
        return "school/room-form";
    }

    // ---- helpers ----

    private void requireManage(long schoolId) {
        schools.school(schoolId);
        access.require(Permission.PLACES_MANAGE, schoolId);
    }

    private static String saved(RedirectAttributes redirect, long schoolId) {
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/schools/" + schoolId;
    }

    private static String delete(RedirectAttributes redirect, long schoolId, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", "flash.deleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/schools/" + schoolId;
    }
}
