package be.coordinaat.mail.web;

import be.coordinaat.mail.Forms.MailboxForm;
import be.coordinaat.mail.Forms.SettingsForm;
import be.coordinaat.mail.Mailboxes;
import be.coordinaat.mail.MailSettings;
import be.coordinaat.mail.Outbox;
import be.coordinaat.mail.SmtpSecurity;
import be.coordinaat.mail.Views.CheckResult;
import be.coordinaat.mail.Views.MailboxView;
import be.coordinaat.mail.Views.PollResult;
import be.coordinaat.mail.Views.SettingsView;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
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
 * The e-mail settings page (the board's SMTP server, digest and outbox for the board admin; the mailboxes of one's
 * schools for whoever configures the helpdesk there), a mailbox with what it received, and the outbox.
 */
@Controller
class MailController {

    private final MailSettings settings;
    private final Mailboxes mailboxes;
    private final Outbox outbox;

    MailController(MailSettings settings, Mailboxes mailboxes, Outbox outbox) {
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.outbox = outbox;
    }

    @GetMapping("/mail")
    String page(Model model) {
        boolean admin = settings.canManage();
        if (!admin && !mailboxes.canManageAny()) {
            throw new AccessDeniedException("no mail settings");
        }
        model.addAttribute("admin", admin);
        if (admin) {
            SettingsView s = settings.settings();
            model.addAttribute("settings", s);
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", formOf(s));
            }
            model.addAttribute("counts", outbox.counts());
            model.addAttribute("securities", SmtpSecurity.values());
        }
        model.addAttribute("mailboxes", mailboxes.list());
        model.addAttribute("canAddMailbox", !mailboxes.schools().isEmpty());
        return "mail/settings";
    }

    private static SettingsForm formOf(SettingsView s) {
        return new SettingsForm(s.smtpHost(), s.smtpPort(), s.smtpSecurity(), s.smtpUsername(), null, false,
                s.fromAddress(), s.fromName(), s.baseUrl(), s.digestEnabled(), s.version());
    }

    @PostMapping("/mail/settings")
    String save(@Valid @ModelAttribute("form") SettingsForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!settings.canManage()) {
            throw new AccessDeniedException("no BOARD_MANAGE");
        }
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> settings.update(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/mail";
        }
        model.addAttribute("form", new SettingsForm(form.smtpHost(), form.smtpPort(), form.smtpSecurity(),
                form.smtpUsername(), null, form.clearPassword(), form.fromAddress(), form.fromName(), form.baseUrl(),
                form.digestEnabled(), form.version()));
        model.addAttribute("org.springframework.validation.BindingResult.form", errors);
        return page(model);
    }

    @PostMapping("/mail/settings/test-connection")
    String testConnection(RedirectAttributes redirect) {
        return result(settings.testConnection(), "mail.check.smtpOk", "mail.check.smtpFailed", redirect, "/mail");
    }

    @PostMapping("/mail/settings/test-mail")
    String testMail(@RequestParam(required = false) String to, RedirectAttributes redirect) {
        try {
            return result(settings.sendTestMail(to), "mail.check.testMailSent", "mail.check.testMailFailed", redirect, "/mail");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "mail.check.testMailAddress");
            return "redirect:/mail";
        }
    }

    @PostMapping("/mail/settings/digest-now")
    String digestNow(RedirectAttributes redirect) {
        int n = settings.queueDigestNow();
        redirect.addFlashAttribute("flash", "mail.digest.queued");
        redirect.addFlashAttribute("checkDetail", String.valueOf(n));
        return "redirect:/mail";
    }

    private static String result(CheckResult r, String ok, String failed, RedirectAttributes redirect, String target) {
        redirect.addFlashAttribute(r.ok() ? "flash" : "flashError", r.ok() ? ok : failed);
        redirect.addFlashAttribute("checkDetail", r.detail());
        return "redirect:" + target;
    }

    // ---- mailboxes ----

    @GetMapping("/mail/mailboxes/{id}")
    String mailbox(@PathVariable long id, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, Model model) {
        MailboxView box = mailboxes.mailbox(id);
        String s = status != null && List.of("HANDLED", "IGNORED", "FAILED", "GAVE_UP").contains(status) ? status : null;
        model.addAttribute("box", box);
        model.addAttribute("status", s);
        model.addAttribute("received", mailboxes.received(id, s, PageQuery.of(page, 50, null, null)));
        model.addAttribute("pageBase", "/mail/mailboxes/" + id + (s == null ? "" : "?status=" + s));
        return "mail/mailbox";
    }

    @GetMapping("/mail/mailboxes/new")
    String newMailbox(Model model) {
        if (mailboxes.schools().isEmpty()) {
            throw new AccessDeniedException("no HELPDESK_CONFIGURE");
        }
        var schools = mailboxes.schools();
        var channels = mailboxes.channels();
        return form(model, new MailboxForm(schools.size() == 1 ? schools.get(0).id() : null, null,
                channels.isEmpty() ? "helpdesk" : channels.get(0), null, 993, true, null, null, false, "INBOX", 5, true, 0),
                null);
    }

    @PostMapping("/mail/mailboxes")
    String create(@Valid @ModelAttribute("form") MailboxForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (mailboxes.schools().isEmpty()) {
            throw new AccessDeniedException("no HELPDESK_CONFIGURE");
        }
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = mailboxes.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/mail/mailboxes/" + id[0];
        }
        return form(model, withoutPassword(form), null);
    }

    @GetMapping("/mail/mailboxes/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        MailboxView b = mailboxes.mailbox(id);
        return form(model, new MailboxForm(b.schoolId(), b.name(), b.channel(), b.host(), b.port(), b.ssl(), b.username(),
                null, false, b.folder(), b.pollMinutes(), b.enabled(), b.version()), b);
    }

    @PostMapping("/mail/mailboxes/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") MailboxForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        MailboxView b = mailboxes.mailbox(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> mailboxes.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/mail/mailboxes/" + id;
        }
        return form(model, withoutPassword(form), b);
    }

    @PostMapping("/mail/mailboxes/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        mailboxes.delete(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/mail";
    }

    @PostMapping("/mail/mailboxes/{id}/test")
    String testMailbox(@PathVariable long id, RedirectAttributes redirect) {
        return result(mailboxes.testConnection(id), "mail.check.imapOk", "mail.check.imapFailed", redirect,
                "/mail/mailboxes/" + id);
    }

    @PostMapping("/mail/mailboxes/{id}/poll")
    String poll(@PathVariable long id, RedirectAttributes redirect) {
        PollResult r = mailboxes.pollNow(id);
        redirect.addFlashAttribute(r.error() == null ? "flash" : "flashError", r.error() == null ? "mail.check.polled" : "mail.check.pollFailed");
        redirect.addFlashAttribute("pollResult", r);
        return "redirect:/mail/mailboxes/" + id;
    }

    private static MailboxForm withoutPassword(MailboxForm f) {
        return new MailboxForm(f.schoolId(), f.name(), f.channel(), f.host(), f.port(), f.ssl(), f.username(), null,
                f.clearPassword(), f.folder(), f.pollMinutes(), f.enabled(), f.version());
    }

    private String form(Model model, MailboxForm form, MailboxView box) {
        model.addAttribute("form", form);
        model.addAttribute("box", box);
        model.addAttribute("schools", mailboxes.schools());
        model.addAttribute("channels", mailboxes.channels());
        return "mail/mailbox-form";
    }

    // ---- outbox ----

    @GetMapping("/mail/outbox")
    String outbox(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, Model model) {
        String s = status != null && Outbox.STATUSES.contains(status) ? status : null;
        PageQuery query = PageQuery.of(page, 50, null, q);
        model.addAttribute("page", outbox.list(s, query));
        model.addAttribute("status", s);
        model.addAttribute("q", query.q());
        model.addAttribute("counts", outbox.counts());
        StringBuilder base = new StringBuilder("/mail/outbox?");
        if (s != null) {
            base.append("status=").append(s).append('&');
        }
        if (query.q() != null) {
            base.append("q=").append(java.net.URLEncoder.encode(query.q(), java.nio.charset.StandardCharsets.UTF_8));
        }
        model.addAttribute("pageBase", base.toString().replaceAll("[?&]$", ""));
        return "mail/outbox";
    }

    @GetMapping("/mail/outbox/{id}")
    String outboxMail(@PathVariable long id, Model model) {
        model.addAttribute("mail", outbox.mail(id));
        return "mail/outbox-mail";
    }

    @PostMapping("/mail/outbox/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        outbox.retry(id);
        redirect.addFlashAttribute("flash", "mail.outbox.retried");
        return "redirect:/mail/outbox/" + id;
    }
}
