package be.coordinaat.knowledge.web;

import be.coordinaat.knowledge.PublicArticles;
import be.coordinaat.knowledge.Views.PublicArticle;
import be.coordinaat.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public knowledge base at {@code /public/kb}, for everyone without an account (the path is open in the security
 * configuration): the board's public, published articles and nothing else.
 */
@Controller
class PublicKnowledgeController {

    private final PublicArticles articles;

    PublicKnowledgeController(PublicArticles articles) {
        this.articles = articles;
    }

    @GetMapping("/public/kb")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String q, Model model) {
        PageQuery query = PageQuery.of(page, 20, null, q);
        model.addAttribute("page", articles.list(query));
        model.addAttribute("query", query);
        return "knowledge/public-list";
    }

    @GetMapping("/public/kb/{id}")
    String canonical(@PathVariable long id) {
        return "redirect:" + articles.article(id).path();
    }

    @GetMapping("/public/kb/{id}/{slug}")
    String show(@PathVariable long id, @PathVariable String slug, Model model) {
        PublicArticle article = articles.article(id);
        if (!article.slug().equals(slug)) {
            return "redirect:" + article.path();
        }
        articles.countView(id);
        model.addAttribute("article", article);
        return "knowledge/public-article";
    }

    @GetMapping("/public/kb/{id}/images/{attachmentId}")
    ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long attachmentId) {
        var file = articles.image(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .body(file.bytes());
    }
}
