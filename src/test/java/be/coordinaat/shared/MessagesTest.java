package be.coordinaat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Dutch first, English in sync, and no user-facing text hard-coded in templates. */
class MessagesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path TEMPLATES = RESOURCES.resolve("templates");
    /**
     * Generated documents are Dutch by definition: the function description (the official text's language) and the
     * loan agreement (the form the parents sign).
     */
    static final List<Path> EXEMPT = List.of(TEMPLATES.resolve("evaluation/document"), TEMPLATES.resolve("inventory/document"));
    static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt", "value", "data-confirm");
    /** Text that is not language: punctuation, symbols, digits. */
    static final Pattern NOT_LANGUAGE = Pattern.compile("[\\p{P}\\p{S}\\p{N}\\s]*");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void dutchAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Set<String> nl = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Set<String> onlyNl = new TreeSet<>(nl);
        onlyNl.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(nl);
        assertThat(onlyNl).as("keys only in the Dutch bundle").isEmpty();
        assertThat(onlyEn).as("keys only in the English bundle").isEmpty();
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load(bundle);
            assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()).toList())
                    .as("empty messages in " + bundle).isEmpty();
        }
    }

    @Test
    void templatesUseOnlyExistingKeys() throws IOException {
        Properties nl = load("messages.properties");
        Pattern key = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = key.matcher(Files.readString(template));
            while (m.find()) {
                if (!nl.containsKey(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).as("message keys used in templates but missing from the bundle").isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            if (EXEMPT.stream().anyMatch(template::startsWith)) {
                continue;
            }
            problems.addAll(hardCodedText(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }
        assertThat(problems).as("hard-coded user-facing text in templates").isEmpty();
    }

    @Test
    void theCheckFindsHardCodedText() {
        assertThat(hardCodedText("x", "<p>Opslaan</p>")).hasSize(1);
        assertThat(hardCodedText("x", "<input placeholder=\"Zoeken\">")).hasSize(1);
        assertThat(hardCodedText("x", "<p th:text=\"#{common.save}\">Opslaan</p>")).isEmpty();
        assertThat(hardCodedText("x", "<p>- → *</p>")).isEmpty();
        assertThat(hardCodedText("x", "<html th:replace=\"~{layout :: page(~{::title}, ~{::section})}\"><body><section><p>Tekst</p></section></body></html>")).hasSize(1);
        assertThat(hardCodedText("x", "<input th:placeholder=\"#{common.search}\">")).isEmpty();
    }

    static List<String> hardCodedText(String name, String html) {
        Document doc = Jsoup.parse(html, "", Parser.htmlParser());
        List<String> problems = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            if (e.tagName().equals("script") || e.tagName().equals("style") || replacesContent(e) || insideReplaced(e)) {
                continue;
            }
            for (TextNode t : e.textNodes()) {
                String text = t.text().strip();
                if (!text.isEmpty() && !NOT_LANGUAGE.matcher(text).matches()) {
                    problems.add(name + ": text '" + text + "' in <" + e.tagName() + ">");
                }
            }
            for (String attribute : TEXT_ATTRIBUTES) {
                String value = e.attr(attribute);
                if (e.hasAttr(attribute) && !value.isBlank() && !NOT_LANGUAGE.matcher(value).matches()
                        && !(attribute.equals("value") && !e.tagName().equals("button") && !"submit".equals(e.attr("type")))) {
                    problems.add(name + ": attribute " + attribute + "='" + value + "' on <" + e.tagName() + ">");
                }
            }
        }
        return problems;
    }

    private static boolean replacesContent(Element e) {
        if (e.tagName().equals("html")) {
            return false; // page templates replace <html> by the layout, which renders their sections
        }
        return e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")
                || e.hasAttr("th:errors");
    }

    private static boolean insideReplaced(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (replacesContent(p)) {
                return true;
            }
        }
        return false;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
