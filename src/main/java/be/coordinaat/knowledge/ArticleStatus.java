package be.coordinaat.knowledge;

/** The life of an article: written as a draft, published for its audience, archived when no longer valid. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
