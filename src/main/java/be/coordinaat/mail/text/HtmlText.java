package be.coordinaat.mail.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to readable plain text: paragraphs and line breaks kept, list items with a dash, links as "text (url)",
 * scripts, styles and the head dropped. For the plain-text part of our mails and for HTML-only received mails.
 */
public final class HtmlText {

    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "table", "tr", "blockquote", "pre", "section", "article", "header", "footer", "hr", "address");

    private HtmlText() {}

    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title, noscript, template").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    if (inPre(t)) {
                        out.append(text);
                    } else {
                        String collapsed = text.replaceAll("[\\s\\u00A0]+", " ");
                        if (!(collapsed.equals(" ") && (out.isEmpty() || endsWithSpace(out)))) {
                            out.append(endsWithSpace(out) && collapsed.startsWith(" ") ? collapsed.substring(1) : collapsed);
                        }
                    }
                } else if (node instanceof Element e) {
                    switch (e.normalName()) {
                        case "br" -> out.append('\n');
                        case "li" -> newLine(out).append("- ");
                        case "td", "th" -> {
                            if (e.elementSiblingIndex() > 0) {
                                out.append('\t');
                            }
                        }
                        default -> {
                            if (BLOCKS.contains(e.normalName())) {
                                paragraph(out);
                            }
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        String href = e.attr("href");
                        if ((href.startsWith("http:") || href.startsWith("https:")) && !e.text().strip().equals(href)) {
                            out.append(" (").append(href).append(')');
                        }
                    } else if (BLOCKS.contains(e.normalName())) {
                        paragraph(out);
                    } else if (e.normalName().equals("li")) {
                        newLine(out);
                    }
                }
            }
        }, doc.body() == null ? doc : doc.body());
        return tidy(out.toString());
    }

    private static boolean inPre(TextNode t) {
        for (Node p = t.parent(); p != null; p = p.parent()) {
            if (p instanceof Element e && e.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithSpace(StringBuilder b) {
        return !b.isEmpty() && Character.isWhitespace(b.charAt(b.length() - 1));
    }

    private static StringBuilder newLine(StringBuilder b) {
        trimTrailingSpaces(b);
        if (!b.isEmpty() && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
        return b;
    }

    private static void paragraph(StringBuilder b) {
        trimTrailingSpaces(b);
        if (b.isEmpty()) {
            return;
        }
        if (b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
        if (b.length() < 2 || b.charAt(b.length() - 2) != '\n') {
            b.append('\n');
        }
    }

    private static void trimTrailingSpaces(StringBuilder b) {
        while (!b.isEmpty() && (b.charAt(b.length() - 1) == ' ' || b.charAt(b.length() - 1) == '\t')) {
            b.setLength(b.length() - 1);
        }
    }

    /** Lines without trailing spaces, at most one empty line in a row, no blank start or end. */
    static String tidy(String s) {
        String[] lines = s.replace("\r", "").split("\n", -1);
        StringBuilder out = new StringBuilder();
        int empty = 0;
        for (String line : lines) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                empty++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(empty > 0 ? "\n\n" : "\n");
            }
            empty = 0;
            out.append(l);
        }
        return out.toString();
    }
}
