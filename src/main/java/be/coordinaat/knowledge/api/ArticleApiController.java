package be.coordinaat.knowledge.api;

import be.coordinaat.knowledge.ArticleFilter;
import be.coordinaat.knowledge.ArticleStatus;
import be.coordinaat.knowledge.Articles;
import be.coordinaat.knowledge.Audience;
import be.coordinaat.knowledge.Forms.ArticleForm;
import be.coordinaat.knowledge.Forms.FeedbackForm;
import be.coordinaat.knowledge.Forms.RestoreForm;
import be.coordinaat.knowledge.Views.ArticleRow;
import be.coordinaat.knowledge.Views.ArticleView;
import be.coordinaat.knowledge.Views.AttachmentView;
import be.coordinaat.knowledge.Views.FeedbackSummary;
import be.coordinaat.knowledge.Views.Insights;
import be.coordinaat.knowledge.Views.RevisionRow;
import be.coordinaat.knowledge.Views.RevisionView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the knowledge base's articles. Articles you may not read answer 404; writing needs KNOWLEDGE_MANAGE in
 * the article's school. Updates send the {@code version} they read (409 when it changed meanwhile).
 */
@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge base")
class ArticleApiController {

    private final Articles articles;

    ArticleApiController(Articles articles) {
        this.articles = articles;
    }

    @GetMapping("/articles")
    @Operation(summary = "Articles you may read. q searches title, tags, summary and text (all words, as prefixes, "
            + "accents ignored; titles also with a typo) and adds a highlighted snippet; filter by category (with its "
            + "sub-categories), school, status, audience, tag; sort relevance (default with q), updated (default), title, "
            + "status (prefix - for descending)")
    Page<ArticleRow> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long category, @RequestParam(required = false) Long school,
            @RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) Audience audience,
            @RequestParam(required = false) String tag) {
        return articles.list(new ArticleFilter(q, category, school, status, audience, tag), PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "An article: the Markdown body and its sanitized HTML rendering")
    ArticleView article(@PathVariable long id) {
        return articles.article(id);
    }

    @PostMapping("/articles")
    @Operation(summary = "Creates a draft in a school where you hold KNOWLEDGE_MANAGE; body is Markdown (raw HTML is "
            + "shown as text); images as ![text](attachment:ID) after uploading them")
    ResponseEntity<ArticleView> create(@Valid @RequestBody ArticleForm form) {
        long id = articles.create(form);
        return ResponseEntity.created(URI.create("/api/v1/knowledge/articles/" + id)).body(articles.article(id));
    }

    @PutMapping("/articles/{id}")
    @Operation(summary = "Replaces an article's content; a changed title, summary, body or tags is kept as a new version")
    ArticleView update(@PathVariable long id, @Valid @RequestBody ArticleForm form) {
        articles.update(id, form);
        return articles.article(id);
    }

    @DeleteMapping("/articles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a draft or archived article (409 while published: archive it first)")
    void delete(@PathVariable long id) {
        articles.delete(id);
    }

    @PostMapping("/articles/{id}/publish")
    @Operation(summary = "Publishes a draft or archived article for its audience")
    ArticleView publish(@PathVariable long id) {
        articles.publish(id);
        return articles.article(id);
    }

    @PostMapping("/articles/{id}/archive")
    @Operation(summary = "Archives an article: readers no longer see it")
    ArticleView archive(@PathVariable long id) {
        articles.archive(id);
        return articles.article(id);
    }

    @PostMapping("/articles/{id}/review")
    @Operation(summary = "Records that the article was reviewed today; the next review is due after its review period")
    ArticleView reviewed(@PathVariable long id) {
        articles.markReviewed(id);
        return articles.article(id);
    }

    @GetMapping("/articles/{id}/versions")
    @Operation(summary = "Every saved version, newest first (managers)")
    List<RevisionRow> versions(@PathVariable long id) {
        return articles.revisions(id);
    }

    @GetMapping("/articles/{id}/versions/{revision}")
    @Operation(summary = "An old version with its rendering and the line changes from it to the current body")
    RevisionView version(@PathVariable long id, @PathVariable int revision) {
        return articles.revision(id, revision);
    }

    @PostMapping("/articles/{id}/versions/{revision}/restore")
    @Operation(summary = "Makes an old version current again, as a new version; send the article's current version")
    ArticleView restore(@PathVariable long id, @PathVariable int revision, @RequestBody(required = false) RestoreForm form) {
        articles.restore(id, revision, form == null ? null : form.version());
        return articles.article(id);
    }

    @GetMapping("/articles/{id}/attachments")
    List<AttachmentView> attachments(@PathVariable long id) {
        return articles.attachments(id);
    }

    @PostMapping(path = "/articles/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Adds an image (JPEG, PNG, WebP, GIF; at most 5 MB; judged by content) as multipart part 'file'")
    ResponseEntity<AttachmentView> upload(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        long attachmentId = articles.addAttachment(id, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/knowledge/articles/" + id + "/attachments/" + attachmentId))
                .body(articles.attachmentInfo(id, attachmentId));
    }

    @GetMapping("/articles/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        var file = articles.image(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.bytes());
    }

    @DeleteMapping("/articles/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAttachment(@PathVariable long id, @PathVariable long attachmentId) {
        articles.deleteAttachment(id, attachmentId);
    }

    @GetMapping("/articles/{id}/feedback")
    @Operation(summary = "Helpful / not helpful votes, and your own")
    FeedbackSummary feedback(@PathVariable long id) {
        return articles.feedback(id);
    }

    @PutMapping("/articles/{id}/feedback")
    @Operation(summary = "Your vote (one per account; a new vote replaces it) with an optional remark")
    FeedbackSummary vote(@PathVariable long id, @Valid @RequestBody FeedbackForm form) {
        articles.vote(id, form);
        return articles.feedback(id);
    }

    @GetMapping("/insights")
    @Operation(summary = "For managers: the most read, least helpful and review-due articles of their schools")
    Insights insights() {
        return articles.insights(10);
    }
}
