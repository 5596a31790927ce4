package be.coordinaat.shared;

import java.util.Collection;
import java.util.stream.Collectors;

/** Small SQL helpers. */
public final class Sql {
    private Sql() {}

    /** A PostgreSQL array literal of ids, e.g. {@code {1,2,3}}, for {@code = ANY(CAST(:ids AS bigint[]))}. */
    public static String idArray(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
