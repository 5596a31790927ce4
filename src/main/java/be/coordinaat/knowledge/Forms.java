package be.coordinaat.knowledge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The forms (and JSON bodies) of the knowledge base. {@code version} is the optimistic-lock version read. */
public final class Forms {
    private Forms() {}

    /** Longest article body in characters (Markdown). */
    public static final int MAX_BODY = 100_000;

    /**
     * An article. {@code schoolId} is the owning school: chosen at creation, fixed afterwards. {@code body} is Markdown
     * (raw HTML in it is shown as text, never run). {@code tags} may also be given as one comma-separated text in web
     * forms. {@code reviewMonths}: how long after the last review the article is due for another (default 12).
     * {@code note} says what changed, for the version list.
     */
    public record ArticleForm(
            Long schoolId,
            Long categoryId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 500) String summary,
            @NotNull @Size(max = MAX_BODY) String body,
            @Size(max = 20) List<@NotNull @Size(max = 40) String> tags,
            @NotNull Audience audience,
            @Min(1) @Max(120) Integer reviewMonths,
            @Size(max = 200) String note,
            Integer version) {}

    /**
     * A category: of a school ({@code schoolId}), or of the whole board when {@code schoolId} is empty (board admins
     * only), optionally under a parent of the same school or board.
     */
    public record CategoryForm(
            Long schoolId,
            Long parentId,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 500) String description,
            @Min(0) @Max(10000) Integer position,
            Integer version) {}

    /** "Was this helpful?": yes or no, with an optional remark. */
    public record FeedbackForm(@NotNull Boolean helpful, @Size(max = 1000) String comment) {}

    /** Restoring an old version: the article's current {@code version}, so nobody else's work is overwritten. */
    public record RestoreForm(Integer version) {}
}
