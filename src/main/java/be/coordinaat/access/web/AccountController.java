package be.coordinaat.access.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Accounts;
import be.coordinaat.access.security.ApiTokens;
import be.coordinaat.shared.InvalidInputException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My account": language, password and personal API tokens. */
@Controller
class AccountController {

    private final AccessControl access;
    private final Accounts accounts;
    private final ApiTokens tokens;

    AccountController(AccessControl access, Accounts accounts, ApiTokens tokens) {
        this.access = access;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("account", accounts.find(access.current().id()));
        model.addAttribute("tokens", tokens.mine());
        return "access/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String repeatPassword, Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(repeatPassword)) {
                throw InvalidInputException.of("repeatPassword", "error.password.repeat", "the passwords differ");
            }
            accounts.changePassword(access.current().id(), currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("passwordProblems", e.problems());
            return account(model);
        }
        redirect.addFlashAttribute("flash", "account.password.changed");
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn, Model model) {
        try {
            model.addAttribute("createdToken", tokens.create(name, expiresOn).token());
        } catch (InvalidInputException e) {
            model.addAttribute("tokenProblems", e.problems());
        }
        return account(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("flash", "account.token.revoked");
        return "redirect:/account";
    }
}
