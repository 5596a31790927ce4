package be.coordinaat.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the post. */
@Controller
class SignInController {
    @GetMapping("/login")
    String login() {
        return "access/login";
    }
}
