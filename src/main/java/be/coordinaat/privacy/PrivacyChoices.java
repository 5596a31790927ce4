package be.coordinaat.privacy;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.privacy.Views.Choice;
import java.util.List;
import org.springframework.stereotype.Service;

/** What the privacy forms and filters offer the current user: schools, tools, organisations, and whether they may create. */
@Service
public class PrivacyChoices {

    private final PrivacyScope scope;
    private final ProcessingRegister register;

    PrivacyChoices(PrivacyScope scope, ProcessingRegister register) {
        this.scope = scope;
        this.register = register;
    }

    /** The schools whose privacy records the user reads, for filters. */
    public List<SchoolRef> readableSchools() {
        return scope.readableSchools();
    }

    /** The schools the user may create privacy records for. */
    public List<SchoolRef> manageableSchools() {
        return scope.manageableSchools();
    }

    /** Whether the user may create board-wide records (PRIVACY_MANAGE board-wide: the DPO, board admins). */
    public boolean canManageBoardWide() {
        return scope.canManageBoardWide();
    }

    public boolean canCreate() {
        return scope.canCreate();
    }

    /** The board's tools (the software catalogue). */
    public List<Choice> software() {
        return scope.softwareChoices();
    }

    /** The organisations the user may see, as processors and vendors. */
    public List<Choice> organisations() {
        return scope.organisationChoices();
    }

    /** The register entries the user may see, for a DPIA. */
    public List<Choice> processing() {
        return register.choices();
    }
}
