package be.coordinaat.people;

/** Small text helpers for input that reaches SQL. */
final class Text {
    private Text() {}

    /** Null for blank text, the stripped text otherwise. */
    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
