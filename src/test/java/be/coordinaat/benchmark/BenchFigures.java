package be.coordinaat.benchmark;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;

/** Timing and the printed figures shared by the benchmarks: percentiles, and an API call against its bare SQL. */
final class BenchFigures {
    private BenchFigures() {}

    /** Runs the API call and the bare SQL alternately {@code runs} times, then prints both and their ratios. */
    static void compare(String what, int runs, IntConsumer api, IntConsumer sql) {
        long[] a = new long[runs];
        long[] s = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            api.accept(i);
            a[i] = System.nanoTime() - t;
            t = System.nanoTime();
            sql.accept(i);
            s[i] = System.nanoTime() - t;
        }
        Arrays.sort(a);
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "BENCH %s%n", what);
        print("  API (HTTP round trip)", a);
        print("  same SQL over JDBC", s);
        System.out.printf(Locale.ROOT, "  ratio API/SQL: p50 %.2f  p95 %.2f  p99 %.2f%n", (double) p(a, 50) / p(s, 50),
                (double) p(a, 95) / p(s, 95), (double) p(a, 99) / p(s, 99));
    }

    static void print(String label, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-26s n=%4d  p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  max=%7.2f ms%n", label,
                sorted.length, p(sorted, 50) / 1e6, p(sorted, 95) / 1e6, p(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    static long p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * percentile / 100.0))];
    }
}
