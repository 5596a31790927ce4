package be.coordinaat.shared.transfer;

import be.coordinaat.shared.InvalidInputException;

/**
 * A file that cannot be read as a table: not a CSV or XLSX file, too large, too many rows, a field too long, an
 * unterminated quote. Reported as a problem with the field {@code file} (400), with a message key for the user's
 * language; nothing was stored.
 */
public class TransferException extends InvalidInputException {

    public TransferException(String messageKey, String defaultMessage, Object... args) {
        super(java.util.List.of(new FieldProblem("file", messageKey, defaultMessage, args)));
    }

    public static TransferException notATable() {
        return new TransferException("import.error.notTable", "is not a CSV or XLSX file");
    }
}
