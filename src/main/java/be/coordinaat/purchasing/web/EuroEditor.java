package be.coordinaat.purchasing.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

/**
 * Amounts as people type them in Belgium: "1.250,50", "1250,5", "€ 1 250.50" or "1250.50" are all 1250.50. Anything
 * else stays a conversion error on its field.
 */
class EuroEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        if (text == null || text.isBlank()) {
            setValue(null);
            return;
        }
        String s = text.replace("€", "").replace("\u00a0", "").replace(" ", "").strip();
        if (s.contains(",")) {
            s = s.replace(".", "").replace(",", ".");
        }
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("not an amount: " + text);
        }
        setValue(new BigDecimal(s));
    }

    @Override
    public String getAsText() {
        Object v = getValue();
        return v == null ? "" : ((BigDecimal) v).toPlainString();
    }
}
