package be.coordinaat.knowledge;

/**
 * An article as another module (the helpdesk) links to it or quotes it in a reply.
 *
 * @param url       the page's path: {@code /public/kb/...} for public articles (works for everyone, also in an
 *                  e-mail), {@code /knowledge/articles/...} otherwise
 * @param plainText the article's text without markup
 */
public record ArticleRef(long id, String title, String summary, String url, String plainText) {}
