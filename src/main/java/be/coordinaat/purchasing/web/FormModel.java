package be.coordinaat.purchasing.web;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** Puts a form back into the model for the page, with the errors of its binding (also when a value did not convert). */
final class FormModel {
    private FormModel() {}

    static void put(Model model, String name, Object form, BindingResult errors) {
        model.addAttribute(name, form);
        if (errors != null && errors.hasErrors() && errors.getTarget() != form) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, name);
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, kept);
        }
    }
}
