package be.coordinaat.knowledge;

/**
 * Filters of the article list: words ({@code q}, searched in title, tags, summary and text, accents ignored),
 * a category (with its sub-categories), the owning school, status, audience and a tag. Empty fields do not filter.
 */
public record ArticleFilter(String q, Long category, Long school, ArticleStatus status, Audience audience, String tag) {

    public static ArticleFilter none() {
        return new ArticleFilter(null, null, null, null, null, null);
    }

    public static ArticleFilter search(String q) {
        return new ArticleFilter(q, null, null, null, null, null);
    }
}
