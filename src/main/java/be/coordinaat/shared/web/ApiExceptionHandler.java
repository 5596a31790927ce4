package be.coordinaat.shared.web;

import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error of the REST API into RFC 9457 problem+json. Validation problems carry an {@code errors}
 * array of {@code {field, reason}} so a script can tell exactly what to fix.
 */
@RestControllerAdvice(basePackages = "be.coordinaat", annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** One problem with one field. */
    public record FieldReason(String field, String reason) {}

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return p;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow this.");
        p.setTitle("Forbidden");
        return p;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Conflict");
        return p;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        List<FieldReason> errors = e.problems().stream()
                .map(pr -> new FieldReason(pr.field(), messages.getMessage(pr.messageKey(), pr.args(), pr.defaultMessage(), Locale.ENGLISH)))
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldReason> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldReason(fe.getField(), messages.getMessage(fe, Locale.ENGLISH)));
        }
        ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(new FieldReason(null, messages.getMessage(ge, Locale.ENGLISH))));
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        // A value Jackson could not convert (a date like 2025-13-45) has the parser's exception as its root cause;
        // the Jackson exception above it knows the field.
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException) {
                cause = t;
                break;
            }
        }
        List<FieldReason> errors = new ArrayList<>();
        String detail = "The request body is not valid JSON for this endpoint.";
        if (cause instanceof UnrecognizedPropertyException u) {
            errors.add(new FieldReason(u.getPropertyName(), "unknown field"));
            detail = "The request body has a field this endpoint does not know.";
        } else if (cause instanceof InvalidFormatException f) {
            errors.add(new FieldReason(path(f), "has the wrong format"));
        } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            errors.add(new FieldReason(path(m), "has the wrong type"));
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Malformed request");
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors);
        }
        return ResponseEntity.badRequest().body(p);
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
    }

    static ProblemDetail validationProblem(List<FieldReason> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(e -> (e.field() == null ? "" : e.field() + ": ") + e.reason()).reduce((a, b) -> a + "; " + b).orElse("Invalid input"));
        p.setTitle("Invalid input");
        p.setProperty("errors", errors);
        return p;
    }
}
