package be.coordinaat.shared;

/**
 * The record does not exist, or the current user may not see it. Both answer 404 so that guessing ids
 * reveals nothing about other schools' records.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {
    public NotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
    }
}
