package be.coordinaat.licences.web;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** Puts a form back into the model for the page, with the errors of its binding. */
final class FormModel {
    private FormModel() {}

    /**
     * A value that did not convert (text in a number field) leaves the binding without the record it built, and
     * putting the record into the model would drop the errors with it; the errors are carried over to the record so
     * the page shows them next to their fields.
     */
    static void put(Model model, Object form, BindingResult errors) {
        model.addAttribute("form", form);
        if (errors != null && errors.hasErrors() && errors.getTarget() != form) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, "form");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", kept);
        }
    }
}
