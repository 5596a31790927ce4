package be.coordinaat.inventory.label;

import be.coordinaat.inventory.LabelFormat;
import java.util.ArrayList;
import java.util.List;

/** Where each label goes on the sheets: page, and the top-left corner in millimetres from the page's corner. */
public final class LabelLayout {
    private LabelLayout() {}

    public record Position(int page, int column, int row, double x, double y) {}

    /** The positions of {@code count} labels, after skipping the first {@code skip} (already used) labels of sheet 1. */
    public static List<Position> positions(LabelFormat format, int count, int skip) {
        if (skip < 0 || skip >= format.perSheet()) {
            throw new IllegalArgumentException("skip must lie between 0 and " + (format.perSheet() - 1));
        }
        List<Position> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int slot = skip + i;
            int page = slot / format.perSheet();
            int onPage = slot % format.perSheet();
            int row = onPage / format.columns;
            int column = onPage % format.columns;
            result.add(new Position(page, column, row, round(format.left + column * format.pitchX),
                    round(format.top + row * format.pitchY)));
        }
        return result;
    }

    /** The number of sheets needed. */
    public static int pages(LabelFormat format, int count, int skip) {
        return count == 0 ? 0 : (skip + count + format.perSheet() - 1) / format.perSheet();
    }

    /** A short form of a school's name for a label: without generic words ("Gemeentelijke Basisschool"), at most {@code max} characters. */
    public static String shortSchoolName(String name, int max) {
        if (name == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String word : name.strip().split("\\s+")) {
            if (!GENERIC.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                kept.add(word);
            }
        }
        String s = kept.isEmpty() ? name.strip() : String.join(" ", kept);
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)).strip() + "…";
    }

    private static final java.util.Set<String> GENERIC = java.util.Set.of("gemeentelijke", "gemeentelijk", "stedelijke",
            "stedelijk", "vrije", "vrij", "gesubsidieerde", "officiële", "basisschool", "lagere", "kleuterschool",
            "school", "secundaire", "middenschool");

    private static double round(double mm) {
        return Math.round(mm * 100) / 100.0;
    }
}
