package be.coordinaat.knowledge.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.knowledge.ArticleFilter;
import be.coordinaat.knowledge.ArticleStatus;
import be.coordinaat.knowledge.Articles;
import be.coordinaat.knowledge.Audience;
import be.coordinaat.knowledge.Categories;
import be.coordinaat.knowledge.Forms;
import be.coordinaat.knowledge.Forms.ArticleForm;
import be.coordinaat.knowledge.Forms.FeedbackForm;
import be.coordinaat.knowledge.Views.ArticleView;
import be.coordinaat.knowledge.Views.CategoryView;
import be.coordinaat.knowledge.domain.MarkdownRenderer;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base pages: search and browse, an article with its votes and images, the editor with a live preview,
 * the versions with their changes, and the managers' overview.
 */
@Controller
class KnowledgeController {

    private final Articles articles;
    private final Categories categories;
    private final AccessControl access;
    private final org.springframework.validation.SmartValidator validator;

    KnowledgeController(Articles articles, Categories categories, AccessControl access,
            org.springframework.validation.SmartValidator validator) {
        this.articles = articles;
        this.categories = categories;
        this.access = access;
        this.validator = validator;
    }

    @GetMapping("/knowledge")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String school, @RequestParam(required = false) String status,
            @RequestParam(required = false) String audience, @RequestParam(required = false) String tag, Model model) {
        PageQuery query = PageQuery.of(page, 20, sort, q);
        // a hand-edited URL with an unknown value shows the list without that filter
        ArticleFilter filter = new ArticleFilter(query.q(), parseId(category), parseId(school),
                parse(ArticleStatus.class, status), parse(Audience.class, audience), PageQuery.cleanText(tag));
        model.addAttribute("page", articles.list(filter, query));
        model.addAttribute("query", query);
        model.addAttribute("filter", filter);
        model.addAttribute("categories", categories.tree());
        model.addAttribute("schools", access.visibleSchools(Permission.KNOWLEDGE_READ));
        model.addAttribute("statuses", ArticleStatus.values());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("tags", articles.tagsInUse(15));
        model.addAttribute("canCreate", articles.canCreate());
        return "knowledge/list";
    }

    @GetMapping("/knowledge/articles/{id}")
    String canonical(@PathVariable long id) {
        return "redirect:" + articles.article(id).path();
    }

    @GetMapping("/knowledge/articles/{id}/{slug}")
    String show(@PathVariable long id, @PathVariable String slug, Model model) {
        ArticleView article = articles.article(id);
        if (!article.slug().equals(slug)) {
            // old links keep working after a title change
            return "redirect:" + article.path();
        }
        boolean manage = articles.canManage(article);
        if (!manage && article.status() == ArticleStatus.PUBLISHED) {
            articles.countView(id, article.schoolId());
        }
        model.addAttribute("article", article);
        model.addAttribute("canManage", manage);
        model.addAttribute("feedback", articles.feedback(id));
        if (!model.containsAttribute("feedbackForm")) {
            model.addAttribute("feedbackForm", new FeedbackForm(null, null));
        }
        if (manage) {
            model.addAttribute("attachments", articles.attachments(id));
            model.addAttribute("comments", articles.comments(id));
            model.addAttribute("views", articles.views(id));
        }
        return "knowledge/article";
    }

    // ---- editor ----

    @GetMapping("/knowledge/articles/new")
    String newArticle(@RequestParam(required = false) String school, Model model) {
        access.requireAnywhere(Permission.KNOWLEDGE_MANAGE);
        var own = articles.manageableSchools();
        Long schoolId = parseId(school);
        if (schoolId == null && own.size() == 1) {
            schoolId = own.get(0).id();
        }
        return form(model, new ArticleForm(schoolId, null, null, null, "", List.of(), Audience.SCHOOL, 12, null, null),
                null, null);
    }

    @PostMapping("/knowledge/articles")
    String create(@Valid @ModelAttribute("form") ArticleForm form, BindingResult errors,
            @RequestParam(required = false) String action, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        access.requireAnywhere(Permission.KNOWLEDGE_MANAGE);
        if (form == null) {
            return form(model, typed(request), null, errors);
        }
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> {
            id[0] = articles.create(form);
            if ("publish".equals(action)) {
                articles.publish(id[0]);
            }
        })) {
            redirect.addFlashAttribute("flash", "publish".equals(action) ? "kb.flash.published" : "flash.saved");
            return "redirect:" + articles.article(id[0]).path();
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/knowledge/articles/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ArticleView a = articles.manageable(id);
        return form(model, new ArticleForm(a.schoolId(), a.categoryId(), a.title(), a.summary(), a.body(), a.tags(),
                a.audience(), a.reviewMonths(), null, a.version()), a, null);
    }

    @PostMapping("/knowledge/articles/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ArticleForm form, BindingResult errors,
            @RequestParam(required = false) String action, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ArticleView a = articles.manageable(id);
        if (form == null) {
            return form(model, typed(request), a, errors);
        }
        boolean publish = "publish".equals(action) && a.status() != ArticleStatus.PUBLISHED;
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> {
            articles.update(id, form);
            if (publish) {
                articles.publish(id);
            }
        })) {
            redirect.addFlashAttribute("flash", publish ? "kb.flash.published" : "flash.saved");
            return "redirect:" + articles.article(id).path();
        }
        return form(model, form, a, errors);
    }

    /** The live preview of the editor: the same rendering and sanitizing as the article page. */
    @PostMapping(path = "/knowledge/preview", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String preview(@RequestParam(required = false) String body, @RequestParam(required = false) Long article) {
        access.requireAnywhere(Permission.KNOWLEDGE_MANAGE);
        String text = body == null ? "" : body.length() > Forms.MAX_BODY ? body.substring(0, Forms.MAX_BODY) : body;
        java.util.Set<Long> images = java.util.Set.of();
        long articleId = article == null ? 0 : article;
        if (article != null) {
            images = articles.attachments(articleId).stream().map(a -> a.id()).collect(java.util.stream.Collectors.toSet());
        }
        java.util.Set<Long> known = images;
        try {
            return MarkdownRenderer.render(text, a -> known.contains(a) ? "/knowledge/articles/" + articleId + "/images/" + a : null).html();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * The form as typed, for showing it again when a value did not convert (text in the number field): the binding
     * then has no record, only the errors. Values that do not convert are left empty; their errors say why.
     */
    static ArticleForm typed(HttpServletRequest r) {
        String tags = r.getParameter("tags");
        return new ArticleForm(parseId(r.getParameter("schoolId")), parseId(r.getParameter("categoryId")),
                r.getParameter("title"), r.getParameter("summary"), r.getParameter("body"),
                tags == null ? List.of() : java.util.Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList(),
                parse(Audience.class, r.getParameter("audience")), null, r.getParameter("note"),
                parseId(r.getParameter("version")) == null ? null : parseId(r.getParameter("version")).intValue());
    }

    private String form(Model model, ArticleForm form, ArticleView article, BindingResult errors) {
        model.addAttribute("form", form);
        keepErrors(model, form, errors, validator);
        model.addAttribute("article", article);
        model.addAttribute("schools", articles.manageableSchools());
        Long school = article != null ? Long.valueOf(article.schoolId()) : form.schoolId();
        List<CategoryView> choices = categories.tree().stream()
                .filter(c -> c.schoolId() == null || school == null || c.schoolId().equals(school)).toList();
        model.addAttribute("categoryChoices", choices);
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("attachments", article == null ? List.of() : articles.attachments(article.id()));
        model.addAttribute("tagsText", form.tags() == null ? "" : String.join(", ", form.tags()));
        return "knowledge/form";
    }

    // ---- life cycle ----

    @PostMapping("/knowledge/articles/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return transition(id, redirect, () -> articles.publish(id), "kb.flash.published");
    }

    @PostMapping("/knowledge/articles/{id}/archive")
    String archive(@PathVariable long id, RedirectAttributes redirect) {
        return transition(id, redirect, () -> articles.archive(id), "kb.flash.archived");
    }

    @PostMapping("/knowledge/articles/{id}/review")
    String review(@PathVariable long id, RedirectAttributes redirect) {
        return transition(id, redirect, () -> articles.markReviewed(id), "kb.flash.reviewed");
    }

    @PostMapping("/knowledge/articles/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            articles.delete(id);
            redirect.addFlashAttribute("flash", "flash.deleted");
            return "redirect:/knowledge";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:" + articles.article(id).path();
        }
    }

    private String transition(long id, RedirectAttributes redirect, Runnable action, String flash) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", flash);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:" + articles.article(id).path();
    }

    // ---- feedback ----

    @PostMapping("/knowledge/articles/{id}/feedback")
    String vote(@PathVariable long id, @Valid @ModelAttribute("feedbackForm") FeedbackForm form, BindingResult errors,
            RedirectAttributes redirect) {
        ArticleView a = articles.article(id);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("flashError", "kb.feedback.invalid");
        } else {
            try {
                articles.vote(id, form);
                redirect.addFlashAttribute("flash", "kb.feedback.thanks");
            } catch (ConflictException e) {
                redirect.addFlashAttribute("flashError", e.messageKey());
            }
        }
        return "redirect:" + a.path() + "#feedback";
    }

    // ---- images ----

    @PostMapping("/knowledge/articles/{id}/images")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String back, RedirectAttributes redirect) throws IOException {
        ArticleView a = articles.manageable(id);
        try {
            articles.addAttachment(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            redirect.addFlashAttribute("flash", "kb.image.added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().get(0).messageKey());
        }
        return "redirect:" + ("edit".equals(back) ? "/knowledge/articles/" + id + "/edit" : a.path() + "#images");
    }

    @GetMapping("/knowledge/articles/{id}/images/{attachmentId}")
    ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long attachmentId) {
        var file = articles.image(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(file.bytes());
    }

    @PostMapping("/knowledge/articles/{id}/images/{attachmentId}/delete")
    String deleteImage(@PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
        articles.deleteAttachment(id, attachmentId);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:" + articles.article(id).path() + "#images";
    }

    // ---- versions ----

    @GetMapping("/knowledge/articles/{id}/versions")
    String versions(@PathVariable long id, Model model) {
        model.addAttribute("article", articles.manageable(id));
        model.addAttribute("revisions", articles.revisions(id));
        return "knowledge/versions";
    }

    @GetMapping("/knowledge/articles/{id}/versions/{revision}")
    String version(@PathVariable long id, @PathVariable int revision, Model model) {
        model.addAttribute("article", articles.manageable(id));
        model.addAttribute("revision", articles.revision(id, revision));
        return "knowledge/version";
    }

    @PostMapping("/knowledge/articles/{id}/versions/{revision}/restore")
    String restore(@PathVariable long id, @PathVariable int revision, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            articles.restore(id, revision, version);
            redirect.addFlashAttribute("flash", "kb.flash.restored");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:" + articles.article(id).path();
    }

    // ---- managers ----

    @GetMapping("/knowledge/insights")
    String insights(Model model) {
        model.addAttribute("insights", articles.insights(10));
        return "knowledge/insights";
    }

    /** The errors of a binding that built no record, carried over to the form shown again. */
    static void keepErrors(Model model, Object form, BindingResult errors, org.springframework.validation.SmartValidator validator) {
        if (errors != null && errors.hasErrors() && errors.getTarget() != form) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, "form");
            kept.addAllErrors(errors);
            if (errors.getTarget() == null) {
                // the binding stopped at the value that did not convert: check the other fields too, so every problem shows at once
                BeanPropertyBindingResult rest = new BeanPropertyBindingResult(form, "form");
                validator.validate(form, rest);
                rest.getFieldErrors().stream().filter(e -> errors.getFieldError(e.getField()) == null).forEach(kept::addError);
            }
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", kept);
        }
    }

    static Long parseId(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
