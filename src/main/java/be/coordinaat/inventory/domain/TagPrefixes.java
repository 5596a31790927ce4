package be.coordinaat.inventory.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The default prefix of a school's generated tags, from its name: the initials of the words that tell schools
 * apart ("Gemeentelijk Atheneum Zonnebeke" gives AZ), or the first two letters when only one such word is left
 * ("Basisschool De Regenboog" gives RE). The coordinator can change it before the first tag is printed.
 */
public final class TagPrefixes {
    private TagPrefixes() {}

    private static final Set<String> COMMON = Set.of("gemeentelijke", "gemeentelijk", "stedelijke", "stedelijk",
            "provinciale", "provinciaal", "vrije", "vrij", "katholieke", "katholiek", "basisschool", "lagere",
            "kleuterschool", "school", "scholen", "secundaire", "instituut", "de", "het", "een", "van", "der", "den",
            "en", "go", "sint", "campus");

    public static String of(String schoolName) {
        String ascii = Normalizer.normalize(schoolName == null ? "" : schoolName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        List<String> words = List.of(ascii.split("[^A-Z0-9]+")).stream().filter(w -> !w.isEmpty()).toList();
        List<String> distinctive = words.stream().filter(w -> !COMMON.contains(w.toLowerCase(Locale.ROOT))).toList();
        if (distinctive.isEmpty()) {
            distinctive = words;
        }
        if (distinctive.isEmpty()) {
            return "INV";
        }
        if (distinctive.size() == 1) {
            String w = distinctive.get(0);
            return w.substring(0, Math.min(2, w.length()));
        }
        StringBuilder initials = new StringBuilder();
        for (String w : distinctive) {
            if (initials.length() < 4) {
                initials.append(w.charAt(0));
            }
        }
        return initials.toString();
    }

    /** Whether a prefix typed by a person is acceptable: 1 to 10 capital letters or digits. */
    public static boolean valid(String prefix) {
        return prefix != null && prefix.matches("[A-Z0-9]{1,10}");
    }

    /** "RB" and 123 give "RB-000123". */
    public static String tag(String prefix, long number) {
        return prefix + "-" + String.format(Locale.ROOT, "%06d", number);
    }
}
