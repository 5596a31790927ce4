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

    /** Any word may match (for ranking a ticket's text against articles); null when the text has no words. */
    public static String anyWord(String text, int max) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find() && words.size() < max) {
            String w = m.group().toLowerCase(java.util.Locale.ROOT);
            // very short words ("de", "en", "op") say nothing about a problem
            if (w.length() >= 3 && w.length() <= MAX_WORD && seen.add(w)) {
                words.add(w);
            }
        }
        return words.isEmpty() ? null : String.join(" | ", words);
    }
}
