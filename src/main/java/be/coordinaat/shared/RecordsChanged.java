package be.coordinaat.shared;

import java.util.List;

/**
 * Many {@link RecordChanged} events at once, for bulk operations such as imports: the audit module writes them
 * into the history in one statement, inside the same transaction as the changes.
 */
public record RecordsChanged(List<RecordChanged> changes) {
    public RecordsChanged {
        changes = List.copyOf(changes);
    }
}
