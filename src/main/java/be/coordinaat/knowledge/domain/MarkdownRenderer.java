package be.coordinaat.knowledge.domain;

import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an article's Markdown into HTML that is safe to serve: CommonMark (with tables) escapes every piece of raw
 * HTML the author typed, and the result then passes jsoup's cleaner with a strict allow-list of tags, attributes and
 * URL protocols. Links may point to http, https, mailto or a path of this site; images only to the article's own
 * attachments ({@code ![text](attachment:12)}), so no page loads anything from elsewhere.
 */
public final class MarkdownRenderer {

    /** The rendered body, and its text without markup (for search, snippets and the helpdesk). */
    public record Rendered(String html, String text) {}

    /** The markers {@code ts_headline} puts around a match; never part of stored text. */
    public static final char MARK_START = '\uE000';
    public static final char MARK_END = '\uE001';

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .escapeHtml(true).softbreak("<br>\n").build();
    private static final String BASE = "https://kb.invalid/";
    private static final Set<String> BLOCKS = Set.of("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre",
            "blockquote", "tr", "hr", "table");

    private static Safelist safelist() {
        return new Safelist()
                .addTags("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "code",
                        "pre", "blockquote", "hr", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "del")
                .addAttributes("a", "href", "title")
                .addAttributes("img", "src", "alt", "title")
                .addAttributes("ol", "start")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addProtocols("img", "src", "attachment")
                .preserveRelativeLinks(true);
    }

    private static final Safelist SAFELIST = safelist();

    private MarkdownRenderer() {}

    /**
     * Renders {@code markdown}; {@code imageUrl} gives the address of an attachment id, or null when the id is no
     * attachment of this article (the image is then dropped, its text kept).
     *
     * @throws IllegalArgumentException when the text nests so deeply that it cannot be rendered
     */
    public static Rendered render(String markdown, LongFunction<String> imageUrl) {
        String source = clean(markdown == null ? "" : markdown);
        String raw;
        try {
            raw = HTML.render(PARSER.parse(source));
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("the text nests too deeply to render");
        }
        String safe = Jsoup.clean(raw, BASE, SAFELIST, new Document.OutputSettings().prettyPrint(false));
        Document doc = Jsoup.parseBodyFragment(safe, BASE);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        for (Element img : doc.select("img")) {
            String src = img.attr("src");
            String url = null;
            if (src.startsWith("attachment:")) {
                try {
                    url = imageUrl.apply(Long.parseLong(src.substring("attachment:".length()).strip()));
                } catch (NumberFormatException e) {
                    url = null;
                }
            }
            if (url == null) {
                img.replaceWith(new TextNode(img.attr("alt")));
            } else {
                img.attr("src", url).attr("loading", "lazy").addClass("img-fluid").addClass("kb-image");
            }
        }
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("http:") || href.startsWith("https:") || href.startsWith("//")) {
                a.attr("rel", "noopener noreferrer nofollow");
            }
        }
        doc.select("table").addClass("table").addClass("table-sm").addClass("table-bordered");
        return new Rendered(doc.body().html(), text(doc.body()));
    }

    /** The text without markup, one line per block. */
    static String text(Element body) {
        StringBuilder out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText());
                } else if (node instanceof Element e && e.tagName().equals("li")) {
                    out.append("- ");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                    out.append('\n');
                } else if (node instanceof Element e && (e.tagName().equals("td") || e.tagName().equals("th"))) {
                    out.append(' ');
                }
            }
        });
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{2,}", "\n").strip();
    }

    /**
     * Removes what no text contains and PostgreSQL cannot store or would misread: NUL and other control characters
     * (except tab and line breaks), unpaired surrogates and the highlight markers.
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == '\n' || c == '\t' || c == '\r' || !Character.isISOControl(c))
                .filter(c -> !(c >= 0xD800 && c <= 0xDFFF) && c != MARK_START && c != MARK_END)
                .forEach(b::appendCodePoint);
        return b.toString().replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * A search snippet as HTML: the text escaped, the matches {@code ts_headline} marked turned into {@code <mark>}.
     * Nothing of the article's own text can become markup.
     */
    public static String snippet(String headline) {
        if (headline == null) {
            return null;
        }
        String escaped = Entities.escape(headline);
        StringBuilder out = new StringBuilder(escaped.length() + 32);
        boolean open = false;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == MARK_START && !open) {
                out.append("<mark>");
                open = true;
            } else if (c == MARK_END && open) {
                out.append("</mark>");
                open = false;
            } else if (c != MARK_START && c != MARK_END) {
                out.append(c);
            }
        }
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }
}
