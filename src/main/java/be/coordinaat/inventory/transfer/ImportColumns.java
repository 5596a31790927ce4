package be.coordinaat.inventory.transfer;

import be.coordinaat.inventory.Views.FieldView;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The asset fields a column can be mapped to, and the header names (Dutch and English) that map to them by
 * themselves. Custom fields map as {@code extra.<key>} by their key or label. An empty target ignores the column.
 */
public final class ImportColumns {
    private ImportColumns() {}

    /** The built-in targets with their header synonyms (compared without case, accents, spaces and punctuation). */
    public static final Map<String, List<String>> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("tag", List.of("tag", "inventarisnummer", "assettag", "inventarisnr", "inventory number", "label"));
        TARGETS.put("name", List.of("naam", "name", "omschrijving", "description", "asset name"));
        TARGETS.put("serial", List.of("serienummer", "serial", "serial number", "serienr", "sn"));
        TARGETS.put("model", List.of("model", "modelnaam", "model name"));
        TARGETS.put("manufacturer", List.of("fabrikant", "manufacturer", "merk", "brand", "vendor"));
        TARGETS.put("kind", List.of("soort", "kind", "type", "categorie", "category"));
        TARGETS.put("status", List.of("status", "toestand"));
        TARGETS.put("room", List.of("lokaal", "room", "locatie", "location", "ruimte"));
        TARGETS.put("purchaseDate", List.of("aankoopdatum", "purchase date", "gekocht op", "purchased"));
        TARGETS.put("price", List.of("prijs", "price", "aankoopprijs", "purchase price", "bedrag", "cost"));
        TARGETS.put("supplier", List.of("leverancier", "supplier"));
        TARGETS.put("orderReference", List.of("bestelnummer", "order reference", "order number", "bestelling", "order"));
        TARGETS.put("warrantyEnd", List.of("garantie tot", "warranty end", "einde garantie", "warranty until", "warranty"));
        TARGETS.put("endOfLife", List.of("einde levensduur", "end of life", "eol", "afschrijving"));
        TARGETS.put("notes", List.of("opmerkingen", "notes", "opmerking", "notities", "comments", "remarks"));
    }

    /** A column target is a built-in field, {@code extra.<key>} of a custom field, or empty. */
    public static boolean valid(String target, List<FieldView> fields) {
        return target == null || target.isEmpty() || TARGETS.containsKey(target)
                || target.startsWith("extra.") && fields.stream().anyMatch(f -> f.key().equals(target.substring(6)));
    }

    /** The mapping guessed from the header: one target per column, each target at most once. */
    public static List<String> guess(List<String> headers, List<FieldView> fields) {
        List<String> mapping = new ArrayList<>();
        for (String header : headers) {
            String h = normalise(header);
            String found = "";
            for (var e : TARGETS.entrySet()) {
                if (e.getValue().stream().anyMatch(s -> normalise(s).equals(h)) || normalise(e.getKey()).equals(h)) {
                    found = e.getKey();
                    break;
                }
            }
            if (found.isEmpty()) {
                for (FieldView f : fields) {
                    if (normalise(f.key()).equals(h) || normalise(f.label()).equals(h)) {
                        found = "extra." + f.key();
                        break;
                    }
                }
            }
            mapping.add(!found.isEmpty() && mapping.contains(found) ? "" : found);
        }
        return mapping;
    }

    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
