package be.coordinaat.knowledge.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-by-line comparison of two texts (longest common subsequence), for "what changed between two versions".
 * Common lines at both ends are matched first, so a typical edit costs little; beyond {@link #MAX_CELLS} the middle
 * is shown as removed and added as a whole.
 */
public final class LineDiff {
    private LineDiff() {}

    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, String text) {}

    static final long MAX_CELLS = 4_000_000L;

    public static List<Line> diff(String before, String after) {
        String[] a = split(before);
        String[] b = split(after);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            out.add(new Line(Kind.SAME, a[i]));
        }
        int n = endA - start;
        int m = endB - start;
        if ((long) n * m > MAX_CELLS) {
            for (int i = start; i < endA; i++) out.add(new Line(Kind.REMOVED, a[i]));
            for (int j = start; j < endB; j++) out.add(new Line(Kind.ADDED, b[j]));
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a[start + i].equals(b[start + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n && j < m) {
                if (a[start + i].equals(b[start + j])) {
                    out.add(new Line(Kind.SAME, a[start + i]));
                    i++;
                    j++;
                } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                    out.add(new Line(Kind.REMOVED, a[start + i++]));
                } else {
                    out.add(new Line(Kind.ADDED, b[start + j++]));
                }
            }
            while (i < n) out.add(new Line(Kind.REMOVED, a[start + i++]));
            while (j < m) out.add(new Line(Kind.ADDED, b[start + j++]));
        }
        for (int i = endA; i < a.length; i++) {
            out.add(new Line(Kind.SAME, a[i]));
        }
        return out;
    }

    private static String[] split(String s) {
        return s == null || s.isEmpty() ? new String[0] : s.split("\n", -1);
    }
}
