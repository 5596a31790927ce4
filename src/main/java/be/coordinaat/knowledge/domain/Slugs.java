package be.coordinaat.knowledge.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Readable URL parts from titles: "Wachtwoord Smartschool resetten" → "wachtwoord-smartschool-resetten". */
public final class Slugs {
    private Slugs() {}

    public static final int MAX = 80;
    private static final java.util.Set<String> RESERVED = java.util.Set.of("edit", "versions", "images", "publish",
            "archive", "review", "delete", "feedback");

    public static String of(String title) {
        String s = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae").replace("ø", "o")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (s.length() > MAX) {
            s = s.substring(0, MAX).replaceAll("-+$", "");
        }
        if (s.isEmpty()) {
            return "artikel";
        }
        // the article's own pages live next to its slug (…/{id}/edit, …/{id}/versions)
        return RESERVED.contains(s) ? s + "-artikel" : s;
    }
}
