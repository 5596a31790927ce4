package be.coordinaat.knowledge.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed in the search box, made into a PostgreSQL {@code tsquery} of prefix terms: only letters and
 * digits reach the query text ("projec wifi" → {@code projec:* & wifi:*}), so no input can break its syntax.
 */
public final class SearchText {
    private SearchText() {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final int MAX_WORDS = 12;
    static final int MAX_WORD = 60;

    /** The words, at most {@value #MAX_WORDS} of at most {@value #MAX_WORD} characters. */
    public static List<String> words(String q) {
        List<String> words = new ArrayList<>();
        if (q == null) {
            return words;
        }
        Matcher m = WORD.matcher(q);
        while (m.find() && words.size() < MAX_WORDS) {
            String w = m.group();
            words.add(w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w);
        }
        return words;
    }

    /** All words must match, each as a prefix; null when the text has no words. */
    public static String allPrefixes(String q) {
        List<String> words = words(q);
        return words.isEmpty() ? null : String.join(" & ", words.stream().map(w -> w + ":*").toList());
    }

    /** Any of the words, each as a prefix (for highlighting); null when the text has no words. */
    public static String anyPrefix(String q) {
        List<String> words = words(q);
        return words.isEmpty() ? null : String.join(" | ", words.stream().map(w -> w + ":*").toList());
    }

    /**
     * Words that say nothing about a problem in a ticket (Dutch, and a few English), left out when matching a
     * ticket's text against articles.
     */
    static final java.util.Set<String> STOP = java.util.Set.of("een", "het", "van", "voor", "met", "niet", "wel", "dat",
            "die", "deze", "dit", "bij", "naar", "als", "maar", "ook", "nog", "zijn", "is", "wordt", "worden", "werd",
            "heb", "heeft", "hebben", "had", "kan", "kunnen", "mijn", "mij", "ons", "onze", "jullie", "wat", "wie", "hoe",
            "waar", "geen", "meer", "dan", "toch", "even", "zou", "moet", "moeten", "graag", "dank", "bedankt", "hallo",
            "beste", "groeten", "vriendelijke", "alvast", "aan", "uit", "over", "tot", "door", "om", "te", "er", "hier",
            "daar", "wij", "zij", "hij", "jij", "ik", "u", "uw", "je", "jouw", "the", "and", "for", "you", "not", "with",
            "this", "that", "are", "was", "has", "have", "please", "thanks", "sinds", "vandaag", "gisteren", "weer",
            "lukt", "werkt", "probleem", "vraag");

    /** Any word may match (for ranking a ticket's text against articles); null when the text has no words. */
    public static String anyWord(String text, int max) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find() && words.size() < max) {
            String w = m.group().toLowerCase(java.util.Locale.ROOT);
            // very short words ("de", "en", "op") say nothing about a problem
            if (w.length() >= 3 && w.length() <= MAX_WORD && !STOP.contains(w) && seen.add(w)) {
                words.add(w);
            }
        }
        return words.isEmpty() ? null : String.join(" | ", words);
    }
}
