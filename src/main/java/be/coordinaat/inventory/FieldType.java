package be.coordinaat.inventory;

/** The type of a custom field: how its value is checked and stored in {@code asset.extra}. */
public enum FieldType {
    /** Free text, at most 500 characters. */
    TEXT,
    /** A decimal number, stored as a JSON number. */
    NUMBER,
    /** A calendar date, stored as {@code yyyy-MM-dd}. */
    DATE,
    /** One of the field's choices. */
    CHOICE
}
