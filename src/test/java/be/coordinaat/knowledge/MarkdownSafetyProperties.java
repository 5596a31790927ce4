package be.coordinaat.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.knowledge.domain.MarkdownRenderer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whatever an author types (Markdown, HTML, both mixed with hostile fragments, or random text), the rendering holds
 * only allowed tags and attributes, no event handler, no script URL, and it never fails except with the clean
 * "nests too deeply" error.
 */
class MarkdownSafetyProperties {

    static final Set<String> TAGS = Set.of("#root", "html", "head", "body", "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
            "ol", "li", "strong", "em", "code", "pre", "blockquote", "hr", "a", "img", "table", "thead", "tbody", "tr",
            "th", "td", "del");
    static final Set<String> ATTRIBUTES = Set.of("href", "title", "src", "alt", "start", "align", "rel", "loading", "class");

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> fragments = Arbitraries.of(
                "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//evil>", "javascript:alert(1)",
                "[a](javascript:alert(1))", "![b](javascript:x)", "![c](attachment:1)", "![d](attachment:2)",
                "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<svg/onload=alert(1)>", "\" onmouseover=\"alert(1)",
                "<div style=\"background:url(javascript:x)\">", "[e](  javascript:alert(1)  )", "<<script>>",
                "[f](data:text/html,<script>alert(1)</script>)", "`<script>`", "```\n<script>\n```", "# kop", "## kop",
                "- item", "1. stap", "> citaat", "**vet**", "*schuin*", "| a | b |\n|---|---|\n| 1 | 2 |", "\n", "\n\n",
                "<!-- x -->", "<![CDATA[x]]>", "&lt;script&gt;", "&#60;script&#62;", "<a href='x' onclick='y'>z</a>",
                "[g]: javascript:alert(1)\n[g]", "<https://example.be>", "<javascript:alert(1)>", "\u0000", "\u2028",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "<form action=x><input></form>",
                "<body onload=alert(1)>", "<meta http-equiv=refresh content=0;url=javascript:x>", "<base href=//evil/>");
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(20);
        return Arbitraries.oneOf(fragments, fragments, text, anything).list().ofMaxSize(25).map(l -> String.join("", l));
    }

    @Property(tries = 600)
    void renderedMarkdownNeverCarriesScript(@ForAll("documents") String markdown) {
        String html;
        try {
            html = MarkdownRenderer.render(markdown, id -> id == 1 ? "/knowledge/articles/5/images/1" : null).html();
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("nests");
            return;
        }
        Document doc = Jsoup.parse(html);
        for (Element e : doc.getAllElements()) {
            assertThat(TAGS).as("tag in " + html).contains(e.tagName());
            for (Attribute a : e.attributes()) {
                assertThat(ATTRIBUTES).as("attribute in " + html).contains(a.getKey().toLowerCase(Locale.ROOT));
                String value = a.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                if (List.of("href", "src").contains(a.getKey())) {
                    assertThat(value).as("url in " + html).doesNotContain("javascript:").doesNotStartWith("data:")
                            .doesNotContain("vbscript:");
                }
            }
            if (e.tagName().equals("img")) {
                assertThat(e.attr("src")).isEqualTo("/knowledge/articles/5/images/1");
            }
        }
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<iframe");
    }

    @Property(tries = 300)
    void snippetsNeverCarryMarkupOtherThanMark(@ForAll("documents") String text) {
        String snippet = MarkdownRenderer.snippet(text);
        Document doc = Jsoup.parse(snippet);
        assertThat(doc.body().getAllElements().stream().skip(1).map(Element::tagName)).allMatch("mark"::equals);
    }
}
