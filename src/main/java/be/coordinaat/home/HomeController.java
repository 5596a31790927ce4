package be.coordinaat.home;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page. */
@Controller
class HomeController {

    private final AccessControl access;

    HomeController(AccessControl access) {
        this.access = access;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("user", access.current());
        model.addAttribute("schools", access.visibleSchools(Permission.SCHOOL_READ));
        return "home/home";
    }
}
