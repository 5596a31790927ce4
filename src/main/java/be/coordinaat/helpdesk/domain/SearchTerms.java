package be.coordinaat.helpdesk.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what a person types into a PostgreSQL {@code tsquery}: every word (letters and digits only, so nothing the
 * user types reaches the query syntax) as a prefix, all required — "proj b1" finds "Projector in lokaal B1".
 */
public final class SearchTerms {
    private SearchTerms() {}

    public static final Pattern NUMBER = Pattern.compile("(?i)T-\\d{4}-\\d{1,9}");
    private static final int MAX_TERMS = 8;

    /** The tsquery text, or null when the input holds no word. */
    public static String tsquery(String q) {
        if (q == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (String word : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && terms.size() < MAX_TERMS) {
                terms.add(word.length() > 60 ? word.substring(0, 60) : word);
            }
        }
        if (terms.isEmpty()) {
            return null;
        }
        return String.join(" & ", terms.stream().map(t -> t + ":*").toList());
    }

    /** Whether the input is a ticket number (T-2026-000123), searched exactly. */
    public static boolean isNumber(String q) {
        return q != null && NUMBER.matcher(q.strip()).matches();
    }
}
