package be.coordinaat.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Published by every module when one of its records is created, changed or deleted. The audit module writes
 * it into the history inside the same transaction, so a change and its history are stored together or not at
 * all.
 *
 * @param recordType a stable name such as {@code school} or {@code room}
 * @param changes    field name to old and new value (as text); empty for events without field changes
 */
public record RecordChanged(
        String recordType, Long recordId, Long boardId, Long schoolId, String action, String label,
        Map<String, Change> changes) {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DELETED = "DELETED";

    /** The old and new value of one field. */
    public record Change(String from, String to) {}

    /** Compares two snapshots (field name to value) and returns the fields whose value differs. */
    public static Map<String, Change> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        if (before != null) keys.addAll(before.keySet());
        if (after != null) keys.addAll(after.keySet());
        for (String key : keys) {
            String from = text(before == null ? null : before.get(key));
            String to = text(after == null ? null : after.get(key));
            if (!Objects.equals(from, to)) {
                changes.put(key, new Change(from, to));
            }
        }
        return changes;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
