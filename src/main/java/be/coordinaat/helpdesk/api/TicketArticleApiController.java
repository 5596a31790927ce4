package be.coordinaat.helpdesk.api;

import be.coordinaat.helpdesk.TicketArticles;
import be.coordinaat.helpdesk.TicketArticles.LinkedArticle;
import be.coordinaat.knowledge.ArticleRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Knowledge-base articles on a ticket: the articles linked to it, suggestions for the staff who work it and the text
 * of a reply that hands the requester an article. Tickets outside your scope answer 404; an article you may not read
 * cannot be linked (400 on {@code articleId}).
 */
@RestController
@RequestMapping("/api/v1/tickets/{id}")
@Tag(name = "Tickets")
class TicketArticleApiController {

    /** An article to link. */
    record ArticleLinkForm(@NotNull Long articleId) {}

    private final TicketArticles articles;

    TicketArticleApiController(TicketArticles articles) {
        this.articles = articles;
    }

    @GetMapping("/articles")
    @Operation(summary = "The knowledge-base articles linked to the ticket (those you may read)")
    List<LinkedArticle> linked(@PathVariable long id) {
        return articles.linked(id);
    }

    @PostMapping("/articles")
    @Operation(summary = "Links a knowledge-base article you may read to the ticket (workers)")
    @ResponseStatus(HttpStatus.CREATED)
    List<LinkedArticle> link(@PathVariable long id, @Valid @RequestBody ArticleLinkForm form) {
        articles.link(id, form.articleId());
        return articles.linked(id);
    }

    @DeleteMapping("/articles/{articleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable long id, @PathVariable long articleId) {
        articles.unlink(id, articleId);
    }

    @GetMapping("/suggested-articles")
    @Operation(summary = "Up to 5 articles matching the ticket's title and description (staff who work the ticket)")
    List<ArticleRef> suggested(@PathVariable long id) {
        return articles.suggestions(id);
    }

    @GetMapping("/articles/{articleId}/reply-text")
    @Operation(summary = "The text of a reply that hands the requester the article: title, summary and link")
    Map<String, String> replyText(@PathVariable long id, @PathVariable long articleId) {
        return Map.of("body", articles.replyText(id, articleId));
    }
}
