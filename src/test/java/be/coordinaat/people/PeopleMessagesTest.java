package be.coordinaat.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the people pages and rules use exists in Dutch and in English. */
class PeopleMessagesTest {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PeopleMessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<String> usedKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        Pattern literal = Pattern.compile("#\\{([A-Za-z0-9_.]+)}|'([a-z]+\\.[A-Za-z0-9_.]+)'");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/people"))) {
            for (Path f : files.toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        Pattern code = Pattern.compile("\"((?:person|people|organisation|contact)\\.[A-Za-z.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/be/coordinaat/people"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = code.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        for (PersonKind k : PersonKind.values()) {
            keys.add("person.kind." + k);
        }
        for (OrganisationKind k : OrganisationKind.values()) {
            keys.add("organisation.kind." + k);
        }
        return keys;
    }

    @Test
    void everyKeyIsInBothBundles() throws IOException {
        Properties nl = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        List<String> keys = usedKeys();
        assertThat(keys).contains("people.title", "person.error.pupilOneSchool", "organisation.kind.DPO");
        for (String key : keys) {
            if (key.endsWith(".")) {
                continue;
            }
            assertThat(nl.getProperty(key)).as("nl: " + key).isNotBlank();
            assertThat(en.getProperty(key)).as("en: " + key).isNotBlank();
        }
        for (String key : nl.stringPropertyNames()) {
            if (key.matches("(people|person|organisation|contact)\\..*")) {
                assertThat(en.getProperty(key)).as("en: " + key).isNotBlank();
                // MessageFormat: a single apostrophe would vanish from the text
                assertThat(nl.getProperty(key).replace("''", "")).as(key).doesNotContain("'");
                assertThat(en.getProperty(key).replace("''", "")).as(key).doesNotContain("'");
            }
        }
    }
}
