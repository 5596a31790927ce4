package be.coordinaat.people;

/** The people list's SELECT, for the benchmark's query plans. */
public final class PeopleSql {
    private PeopleSql() {}

    public static final String SELECT = People.SELECT;
}
