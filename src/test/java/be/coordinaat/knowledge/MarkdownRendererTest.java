package be.coordinaat.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.coordinaat.knowledge.domain.LineDiff;
import be.coordinaat.knowledge.domain.MarkdownRenderer;
import be.coordinaat.knowledge.domain.SearchText;
import be.coordinaat.knowledge.domain.Slugs;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** What the renderer lets through: the formatting an author needs, and nothing that can run. */
class MarkdownRendererTest {

    static String html(String markdown) {
        return MarkdownRenderer.render(markdown, id -> id == 7 ? "/knowledge/articles/1/images/7" : null).html();
    }

    @Test
    void rendersTheFormattingOfAHowTo() {
        String html = html("""
                ## Zo doe je het

                1. Zet de projector **aan**
                2. Kies *HDMI 1*

                - kabel
                - adapter

                | a | b |
                |---|---|
                | 1 | 2 |

                [Smartschool](https://example.be/login) en [intern](/knowledge) en [mail](mailto:ict@school.be)

                ![foto](attachment:7)""");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("h2").text()).isEqualTo("Zo doe je het");
        assertThat(doc.select("ol > li")).hasSize(2);
        assertThat(doc.select("ul > li")).hasSize(2);
        assertThat(doc.select("strong").text()).isEqualTo("aan");
        assertThat(doc.select("table.table td")).hasSize(2);
        assertThat(doc.select("a[href=https://example.be/login]").attr("rel")).contains("noopener");
        assertThat(doc.select("a[href=/knowledge]")).hasSize(1);
        assertThat(doc.select("a[href=mailto:ict@school.be]")).hasSize(1);
        assertThat(doc.select("img").attr("src")).isEqualTo("/knowledge/articles/1/images/7");
    }

    @Test
    void neverRendersScriptsHandlersFramesOrDangerousUrls() {
        String hostile = """
                <script>alert(1)</script>
                <img src=x onerror="alert(2)">
                <iframe src="https://evil.example"></iframe>
                <a href="javascript:alert(3)">klik</a>
                <svg onload=alert(4)></svg>
                <style>body{display:none}</style>
                <object data="x.swf"></object>

                [klik](javascript:alert(5)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox(1))
                ![x](javascript:alert(6)) ![y](https://tracker.example/pixel.gif) ![z](attachment:99)
                <div onclick="alert(7)">tekst</div>
                [x](JaVaScRiPt&#58;alert(8)) <a href="&#106;avascript:alert(9)">y</a>
                """;
        String html = html(hostile);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script, iframe, svg, style, object, embed, form, input, div")).isEmpty();
        assertThat(doc.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                .filter(a -> a.getKey().toLowerCase().startsWith("on"))).isEmpty();
        assertThat(doc.select("[href], [src]").stream().map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src")))
                .allSatisfy(url -> assertThat(url.toLowerCase()).doesNotContain("javascript").doesNotContain("data:")
                        .doesNotContain("vbscript").doesNotContain("tracker"));
        assertThat(doc.select("img")).isEmpty();
        // typed HTML is shown as text, so the author sees what went wrong
        assertThat(doc.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void theTextHasOneLinePerBlockAndNoMarkup() {
        var r = MarkdownRenderer.render("# Titel\n\nEen **vet** woord.\n\n- a\n- b", id -> null);
        assertThat(r.text()).isEqualTo("Titel\nEen vet woord.\n- a\n- b");
    }

    @Test
    void snippetsEscapeTheTextAndOnlyMarkTheMatches() {
        String headline = "<b>x</b> " + MarkdownRenderer.MARK_START + "projector" + MarkdownRenderer.MARK_END + " & <img>";
        assertThat(MarkdownRenderer.snippet(headline)).isEqualTo("&lt;b&gt;x&lt;/b&gt; <mark>projector</mark> &amp; &lt;img&gt;");
        assertThat(MarkdownRenderer.snippet("a" + MarkdownRenderer.MARK_START + "b")).isEqualTo("a<mark>b</mark>");
    }

    @Test
    void controlCharactersAndMarkersAreRemovedFromInput() {
        assertThat(MarkdownRenderer.clean("a\u0000b\u0007c\r\nd\tе" + MarkdownRenderer.MARK_START)).isEqualTo("abc\nd\tе");
    }

    @Test
    void absurdNestingIsACleanErrorOrRenders() {
        String deep = ">".repeat(100_000) + " x";
        try {
            String html = html(deep);
            assertThat(html).doesNotContain("<script");
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("nests");
        }
        String brackets = "[".repeat(50_000) + "x" + "]".repeat(50_000) + "(javascript:alert(1))";
        assertThat(html(brackets)).doesNotContain("javascript");
        String stars = "*_".repeat(50_000);
        assertThat(html(stars)).isNotNull();
    }

    @Test
    void slugsAreReadableAndStable() {
        assertThat(Slugs.of("De projector aansluiten in een klaslokaal")).isEqualTo("de-projector-aansluiten-in-een-klaslokaal");
        assertThat(Slugs.of("Wachtwoord Smartschool resetten!")).isEqualTo("wachtwoord-smartschool-resetten");
        assertThat(Slugs.of("Coördinator & café — één")).isEqualTo("coordinator-cafe-een");
        assertThat(Slugs.of("???")).isEqualTo("artikel");
        assertThat(Slugs.of("Edit")).isEqualTo("edit-artikel");
        assertThat(Slugs.of("x".repeat(300))).hasSize(Slugs.MAX);
    }

    @Test
    void searchWordsBecomeASafeQuery() {
        assertThat(SearchText.allPrefixes("projéctor  wifi!")).isEqualTo("projéctor:* & wifi:*");
        assertThat(SearchText.allPrefixes("' & | ! ( ) : * <->")).isNull();
        assertThat(SearchText.allPrefixes(null)).isNull();
        assertThat(SearchText.anyWord("De projector in lokaal B12 doet het niet, de projector!", 40))
                .isEqualTo("projector | lokaal | b12 | doet");
        assertThat(SearchText.anyPrefix("wifi  netwerk")).isEqualTo("wifi:* | netwerk:*");
    }

    @Test
    void lineDiffShowsWhatChanged() {
        List<LineDiff.Line> diff = LineDiff.diff("a\nb\nc", "a\nB\nc\nd");
        assertThat(diff).containsExactly(new LineDiff.Line(LineDiff.Kind.SAME, "a"), new LineDiff.Line(LineDiff.Kind.REMOVED, "b"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "B"), new LineDiff.Line(LineDiff.Kind.SAME, "c"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "d"));
        assertThat(LineDiff.diff("", "x")).containsExactly(new LineDiff.Line(LineDiff.Kind.ADDED, "x"));
        String big = "x\n".repeat(5000);
        assertThat(LineDiff.diff(big + "a", "b\n" + big)).isNotEmpty();
    }

    @Test
    void renderingNeedsNoImageLookupForTextWithoutImages() {
        assertThatThrownBy(() -> MarkdownRenderer.render("![a](attachment:1)", id -> { throw new IllegalStateException("x"); }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(MarkdownRenderer.render("tekst", id -> { throw new IllegalStateException("x"); }).html()).isEqualTo("<p>tekst</p>\n");
    }
}
