package be.coordinaat.shared;

/** Someone else changed the record since it was read (optimistic locking), or a rule forbids the change. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {
    private final String messageKey;

    public ConflictException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public static ConflictException staleVersion(String recordType, long id) {
        return new ConflictException("error.conflict.version",
                recordType + " " + id + " was changed by someone else in the meantime; reload it and try again");
    }

    public String messageKey() {
        return messageKey;
    }
}
