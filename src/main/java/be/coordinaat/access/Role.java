package be.coordinaat.access;

import java.util.EnumSet;
import java.util.Set;

import static be.coordinaat.access.Permission.*;

/** The roles a person can hold. Board-wide roles are granted for the board; the others per school. */
public enum Role {
    BOARD_ADMIN(true, EnumSet.allOf(Permission.class)),
    COORDINATOR(false, EnumSet.of(SCHOOL_READ, PLACES_READ, PLACES_MANAGE, PEOPLE_READ, PEOPLE_MANAGE,
            ORGANISATIONS_READ, ORGANISATIONS_MANAGE, HISTORY_READ, FUNCTION_DESCRIPTION_READ, INVENTORY_READ,
            INVENTORY_MANAGE, LICENCES_READ, LICENCES_MANAGE, TICKETS_REPORT, TICKETS_READ, TICKETS_WORK,
            HELPDESK_CONFIGURE, KNOWLEDGE_READ, KNOWLEDGE_MANAGE, MAINTENANCE_READ, MAINTENANCE_MANAGE, BUDGET_READ,
            BUDGET_MANAGE, PURCHASES_REQUEST, PURCHASES_READ, PURCHASES_ADVISE, PURCHASES_MANAGE, POLICY_READ,
            POLICY_MANAGE, SURVEYS_MANAGE, SURVEYS_READ, PRIVACY_READ, PRIVACY_MANAGE, BREACHES_REPORT,
            PERSONAL_DATA_MANAGE, TOOLS_READ, TOOLS_PROPOSE, TOOLS_EVALUATE, TOOLS_DECIDE)),
    DIRECTOR(false, EnumSet.of(SCHOOL_READ, PLACES_READ, PEOPLE_READ, ORGANISATIONS_READ, HISTORY_READ,
            FUNCTION_DESCRIPTION_READ, FUNCTION_DESCRIPTION_MANAGE, INVENTORY_READ, LICENCES_READ, TICKETS_REPORT,
            TICKETS_READ, KNOWLEDGE_READ, MAINTENANCE_READ, BUDGET_READ, BUDGET_MANAGE, PURCHASES_REQUEST, PURCHASES_READ,
            PURCHASES_APPROVE, POLICY_READ, POLICY_APPROVE, SURVEYS_READ, PRIVACY_READ, BREACHES_REPORT, TOOLS_READ,
            TOOLS_PROPOSE, TOOLS_EVALUATE, TOOLS_DECIDE, TOOLS_OVERRIDE_PRIVACY)),
    STAFF(false, EnumSet.of(SCHOOL_READ, PLACES_READ, TICKETS_REPORT, KNOWLEDGE_READ, PURCHASES_REQUEST, POLICY_READ,
            BREACHES_REPORT, TOOLS_READ, TOOLS_PROPOSE, TOOLS_EVALUATE)),
    TECHNICIAN(false, EnumSet.of(SCHOOL_READ, PLACES_READ, ORGANISATIONS_READ, INVENTORY_READ, INVENTORY_MANAGE,
            LICENCES_READ, LICENCES_MANAGE, TICKETS_REPORT, TICKETS_READ, TICKETS_WORK, KNOWLEDGE_READ,
            KNOWLEDGE_MANAGE, MAINTENANCE_READ, MAINTENANCE_MANAGE, PURCHASES_REQUEST, BREACHES_REPORT, TOOLS_READ,
            TOOLS_PROPOSE)),
    /** The board's data protection officer: the privacy register of every school and nothing else. */
    DPO(true, EnumSet.of(SCHOOL_READ, ORGANISATIONS_READ, HISTORY_READ, LICENCES_READ, KNOWLEDGE_READ, PRIVACY_READ,
            PRIVACY_MANAGE, PRIVACY_SIGN_OFF, BREACHES_REPORT, TOOLS_READ)),
    EVALUATOR(false, EnumSet.of(SCHOOL_READ, FUNCTION_DESCRIPTION_READ));

    /**
     * What an external user (an account of an organisation, such as the municipal ICT service or a supplier) may
     * do at most, whatever their role: the school's name and places, reporting, the tickets escalated to their
     * organisation (the helpdesk narrows {@link Permission#TICKETS_WORK} to those), the knowledge base and
     * maintenance.
     */
    public static final Set<Permission> EXTERNAL_LIMIT = EnumSet.of(SCHOOL_READ, PLACES_READ, TICKETS_REPORT,
            TICKETS_WORK, KNOWLEDGE_READ, MAINTENANCE_READ, MAINTENANCE_MANAGE);

    private final boolean boardWide;
    private final Set<Permission> permissions;

    Role(boolean boardWide, Set<Permission> permissions) {
        this.boardWide = boardWide;
        this.permissions = permissions;
    }

    /** Granted for the whole board (all its schools) rather than for one school. */
    public boolean boardWide() {
        return boardWide;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }
}
