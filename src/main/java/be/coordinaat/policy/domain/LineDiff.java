package be.coordinaat.policy.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-by-line comparison of two texts (longest common subsequence) for "what changed between two versions" of
 * the vision and the acceptable-use policy. Texts are at most a few hundred lines; beyond {@link #MAX_CELLS} the
 * middle is shown as removed and added as a whole.
 */
public final class LineDiff {
    private LineDiff() {}

    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, String text) {}

    static final long MAX_CELLS = 4_000_000L;

    public static List<Line> diff(String before, String after) {
        String[] a = before == null || before.isEmpty() ? new String[0] : before.replace("\r\n", "\n").split("\n", -1);
        String[] b = after == null || after.isEmpty() ? new String[0] : after.replace("\r\n", "\n").split("\n", -1);
        List<Line> out = new ArrayList<>();
        int n = a.length;
        int m = b.length;
        if ((long) n * m > MAX_CELLS) {
            for (String s : a) out.add(new Line(Kind.REMOVED, s));
            for (String s : b) out.add(new Line(Kind.ADDED, s));
            return out;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < n) out.add(new Line(Kind.REMOVED, a[i++]));
        while (j < m) out.add(new Line(Kind.ADDED, b[j++]));
        return out;
    }
}
