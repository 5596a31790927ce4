package be.coordinaat.policy.web;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.shared.NotFoundException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;

/** The school a policy page is about: the one asked for (404 when not readable), else the user's first. */
final class SchoolChoice {
    private SchoolChoice() {}

    static long pick(String requested, List<SchoolRef> readable, Model model) {
        if (readable.isEmpty()) {
            throw new AccessDeniedException("no POLICY_READ");
        }
        Long id = FormModel.id(requested);
        long school;
        if (requested != null && !requested.isBlank()) {
            if (id == null || readable.stream().noneMatch(s -> s.id() == id)) {
                throw new NotFoundException("school", requested);
            }
            school = id;
        } else {
            school = readable.get(0).id();
        }
        model.addAttribute("schools", readable);
        model.addAttribute("schoolId", school);
        model.addAttribute("schoolName", readable.stream().filter(s -> s.id() == school).findFirst().map(SchoolRef::name).orElse(""));
        return school;
    }
}
