package be.coordinaat.shared.web;

import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Runs a write from a form and turns rule violations into field errors on the form, so the user sees them in place. */
public final class FormErrors {
    private FormErrors() {}

    /** @return true when the action succeeded; false when the errors were added to {@code errors}. */
    public static boolean apply(BindingResult errors, Runnable action) {
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            for (InvalidInputException.FieldProblem p : e.problems()) {
                if (p.field() != null && errors.getTarget() != null && hasField(errors, p.field())) {
                    errors.rejectValue(p.field(), p.messageKey(), p.args(), p.defaultMessage());
                } else {
                    errors.reject(p.messageKey(), p.args(), p.defaultMessage());
                }
            }
            return false;
        } catch (ConflictException e) {
            errors.reject(e.messageKey(), e.getMessage());
            return false;
        }
    }

    private static boolean hasField(BindingResult errors, String field) {
        try {
            errors.getFieldType(field);
            return errors.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
