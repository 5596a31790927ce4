package be.coordinaat.shared;

import java.util.List;

/** Input that breaks a rule the form validation cannot see (uniqueness, references). Nothing was stored. */
public class InvalidInputException extends RuntimeException {

    /** One problem with one field: a message key with its arguments, and the default English text. */
    public record FieldProblem(String field, String messageKey, String defaultMessage, Object... args) {}

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.defaultMessage()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String messageKey, String defaultMessage, Object... args) {
        return new InvalidInputException(List.of(new FieldProblem(field, messageKey, defaultMessage, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
