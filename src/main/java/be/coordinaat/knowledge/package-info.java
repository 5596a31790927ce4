/**
 * Knowledge base and how-tos (function description A.2 "stimuleert en ondersteunt het ICT-gebruik", B "deelt
 * expertise binnen de scholen"): articles written in Markdown, rendered on the server through an allow-list
 * sanitizer, with categories (a tree per school plus the board's shared ones), tags, images, every saved revision,
 * a review cycle, helpfulness votes and view counts ({@link be.coordinaat.knowledge.Articles},
 * {@link be.coordinaat.knowledge.Categories}); public articles for everyone without an account
 * ({@link be.coordinaat.knowledge.PublicArticles}); and the helpdesk's entry point
 * ({@link be.coordinaat.knowledge.KnowledgeBase#suggest}, {@link be.coordinaat.knowledge.KnowledgeBase#readable}).
 *
 * <p>Scope: an article belongs to one school. Its audience says who may read it once published: the staff of that
 * school ({@link be.coordinaat.knowledge.Audience#SCHOOL}), the staff of every school of the same school community
 * ({@link be.coordinaat.knowledge.Audience#COMMUNITY}), or everyone, also on the internet
 * ({@link be.coordinaat.knowledge.Audience#PUBLIC}). KNOWLEDGE_READ reads; KNOWLEDGE_MANAGE in the article's school
 * writes it and sees its drafts and archived versions. External accounts read the published articles of the schools
 * they are granted and the public ones, never what other schools share with the community.
 *
 * <p>Depends on {@code access} (scope) and {@code shared}. Its queries read the school module's {@code school} table
 * (names, and the community a school belongs to) in SQL, so a list costs one query.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base")
package be.coordinaat.knowledge;
