package be.coordinaat.inventory.domain;

import be.coordinaat.inventory.FieldType;
import be.coordinaat.inventory.Views.FieldView;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the custom field values of an asset against the field definitions of its kind, and brings them into the
 * form they are stored in ({@code asset.extra}): numbers as JSON numbers, dates as {@code yyyy-MM-dd}, text and
 * choices as strings. Problems are reported per field as {@code extra.<key>}.
 */
public final class CustomFields {
    private CustomFields() {}

    public static final int MAX_TEXT = 500;

    /** The checked values (only those filled in, in the order of the definitions) and the problems found. */
    public record Checked(Map<String, Object> values, List<FieldProblem> problems) {}

    public static Checked check(List<FieldView> definitions, Map<String, ?> input) {
        Map<String, ?> given = input == null ? Map.of() : input;
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, FieldView> byKey = new LinkedHashMap<>();
        definitions.forEach(d -> byKey.put(d.key(), d));
        for (String key : given.keySet()) {
            if (!byKey.containsKey(key)) {
                problems.add(new FieldProblem(field(key), "asset.error.extra.unknown", "is not a custom field of this kind"));
            }
        }
        for (FieldView d : definitions) {
            Object raw = given.get(d.key());
            if (raw == null || raw instanceof String s && s.isBlank()) {
                if (d.required()) {
                    problems.add(new FieldProblem(field(d.key()), "error.required", "is required"));
                }
                continue;
            }
            if (raw instanceof Map || raw instanceof Iterable || raw.getClass().isArray()) {
                problems.add(new FieldProblem(field(d.key()), "asset.error.extra.type", "must be a single value"));
                continue;
            }
            String text = raw.toString().strip();
            switch (d.type()) {
                case TEXT -> {
                    if (text.length() > MAX_TEXT) {
                        problems.add(new FieldProblem(field(d.key()), "asset.error.extra.tooLong",
                                "must be at most " + MAX_TEXT + " characters", MAX_TEXT));
                    } else {
                        values.put(d.key(), text);
                    }
                }
                case NUMBER -> {
                    BigDecimal number = number(raw, text);
                    if (number == null) {
                        problems.add(new FieldProblem(field(d.key()), "asset.error.extra.number", "must be a number"));
                    } else {
                        values.put(d.key(), number);
                    }
                }
                case DATE -> {
                    try {
                        values.put(d.key(), LocalDate.parse(text).toString());
                    } catch (DateTimeParseException e) {
                        problems.add(new FieldProblem(field(d.key()), "asset.error.extra.date",
                                "must be a date written as yyyy-mm-dd"));
                    }
                }
                case CHOICE -> {
                    if (d.choices().contains(text)) {
                        values.put(d.key(), text);
                    } else {
                        problems.add(new FieldProblem(field(d.key()), "asset.error.extra.choice",
                                "must be one of: " + String.join(", ", d.choices()), String.join(", ", d.choices())));
                    }
                }
            }
        }
        return new Checked(values, problems);
    }

    /**
     * The JSON value a filter on a custom field must contain ({@code extra @> {"key": value}}), typed as the field
     * stores it; null when the value cannot match the field's type.
     */
    public static Object filterValue(FieldType type, String text) {
        return switch (type) {
            case NUMBER -> number(text, text.strip());
            case DATE -> {
                try {
                    yield LocalDate.parse(text.strip()).toString();
                } catch (DateTimeParseException e) {
                    yield null;
                }
            }
            case TEXT, CHOICE -> text.strip();
        };
    }

    public static String field(String key) {
        return "extra." + key;
    }

    private static BigDecimal number(Object raw, String text) {
        if (raw instanceof Boolean) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(text.replace(',', '.'));
            if (n.abs().compareTo(new BigDecimal("1e15")) >= 0 || n.scale() > 6) {
                return null;
            }
            return n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
