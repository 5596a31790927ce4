package be.coordinaat.knowledge;

import be.coordinaat.knowledge.domain.LineDiff;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the knowledge base shows: read models. */
public final class Views {
    private Views() {}

    /** A school, by id and name. */
    public record SchoolName(long id, String name) {}

    /**
     * One line of the article list or of search results. {@code snippet} is safe HTML: the escaped text around the
     * matches, which are in {@code <mark>}. {@code manageable}: the current user may change it.
     */
    public record ArticleRow(long id, String slug, String title, String summary, String snippet, long schoolId,
            String schoolName, Long categoryId, String categoryName, List<String> tags, Audience audience,
            ArticleStatus status, Instant updatedAt, boolean manageable) {

        @JsonProperty("path")
        public String path() {
            return "/knowledge/articles/" + id + "/" + slug;
        }
    }

    /**
     * An article with everything about it. {@code html} is the sanitized rendering of {@code body}; {@code reviewDue}
     * the date of the next review (null while it was never published).
     */
    public record ArticleView(long id, long boardId, long schoolId, String schoolName, Long categoryId,
            String categoryName, String slug, String title, String summary, String body, String html, String text,
            List<String> tags, Audience audience, ArticleStatus status, String authorName, int reviewMonths,
            LocalDate lastReviewedOn, LocalDate reviewDue, boolean reviewOverdue, Instant publishedAt, int revision,
            int version, Instant createdAt, Instant updatedAt) {

        @JsonProperty("path")
        public String path() {
            return "/knowledge/articles/" + id + "/" + slug;
        }

        /** The address without an account, for published public articles; null otherwise. */
        @JsonProperty("publicPath")
        public String publicPath() {
            return audience == Audience.PUBLIC && status == ArticleStatus.PUBLISHED ? "/public/kb/" + id + "/" + slug : null;
        }
    }

    /** One saved version in the version list. */
    public record RevisionRow(int revision, String title, String note, String savedBy, Instant savedAt, int length) {}

    /** An old version: its content, rendered, and the changes from it to the current text. */
    public record RevisionView(long articleId, int revision, String title, String summary, String body, String html,
            List<String> tags, String note, String savedBy, Instant savedAt, List<LineDiff.Line> changesToCurrent) {}

    /** An image of an article; {@code markdown} is what to type in the body to show it. */
    public record AttachmentView(long id, long articleId, String fileName, String contentType, long size,
            String uploadedBy, Instant uploadedAt) {

        @JsonProperty("markdown")
        public String markdown() {
            return "![" + fileName.replaceAll("\\.[A-Za-z0-9]+$", "") + "](attachment:" + id + ")";
        }
    }

    /** An image's content, for the page. */
    public record AttachmentFile(String fileName, String contentType, byte[] bytes) {}

    /** The votes on an article, and the current user's own vote (null when they did not vote). */
    public record FeedbackSummary(long helpful, long notHelpful, Boolean myVote, String myComment) {}

    /** A vote with a remark, for the article's managers. */
    public record FeedbackComment(boolean helpful, String comment, String userName, Instant at) {}

    /**
     * A category in its tree. {@code schoolId} null: a category of the whole board. {@code depth} 0 for the top level;
     * {@code articles} counts the articles in it that the current user may see.
     */
    public record CategoryView(long id, Long schoolId, String schoolName, Long parentId, String name,
            String description, int position, int depth, long articles, int version) {

        public boolean boardWide() {
            return schoolId == null;
        }
    }

    /** An article in the managers' overview: views, votes and when it is due for review. */
    public record ArticleStats(long id, String slug, String title, String schoolName, ArticleStatus status,
            long views, long helpful, long notHelpful, LocalDate reviewDue) {

        public String path() {
            return "/knowledge/articles/" + id + "/" + slug;
        }
    }

    /** The managers' overview of their schools' articles. */
    public record Insights(List<ArticleStats> mostViewed, List<ArticleStats> leastHelpful, List<ArticleStats> reviewDue) {}

    /** A public article, as anyone on the internet sees it: no author, no counts, nothing internal. */
    public record PublicArticle(long id, String slug, String title, String summary, String html, String schoolName,
            Instant updatedAt) {

        public String path() {
            return "/public/kb/" + id + "/" + slug;
        }
    }

    /** A public article in the public list or search results; {@code snippet} as in {@link ArticleRow}. */
    public record PublicRow(long id, String slug, String title, String summary, String snippet, String schoolName,
            Instant updatedAt) {

        public String path() {
            return "/public/kb/" + id + "/" + slug;
        }
    }
}
