package be.coordinaat.licences;

import java.util.List;

/**
 * The privacy checks still open for a digital tool of the catalogue in one school (no signed processor agreement, no
 * processing-register entry, a DPIA needed but not done, ...). Implemented by the module that keeps the privacy
 * register; the catalogue asks every implementation before a tool may be adopted, so that this module does not
 * depend on that one. With no implementation, no checks are open.
 */
public interface ToolPrivacyChecks {

    /** One open check: a stable code, a message key for the UI and an English detail for the API. */
    record OpenCheck(String code, String messageKey, String detail) {
    }

    List<OpenCheck> openChecks(long softwareId, long schoolId);
}
