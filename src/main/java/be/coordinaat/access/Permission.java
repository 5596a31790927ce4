package be.coordinaat.access;

/** What a role allows. Checked on the server for every read and write, per school. */
public enum Permission {
    /** Edit the board, create schools and the school community. Board admin only. */
    BOARD_MANAGE,
    /** Create accounts and grant roles. Board admin only. */
    USERS_MANAGE,
    SCHOOL_READ,
    PLACES_READ,
    PLACES_MANAGE,
    PEOPLE_READ,
    PEOPLE_MANAGE,
    ORGANISATIONS_READ,
    ORGANISATIONS_MANAGE,
    HISTORY_READ,
    FUNCTION_DESCRIPTION_READ,
    FUNCTION_DESCRIPTION_MANAGE,
    /** See the inventory of digital means of a school: assets, models, attachments. */
    INVENTORY_READ,
    /** Register and change assets, their status and attachments; models, manufacturers and custom fields. */
    INVENTORY_MANAGE,
    /** See the software catalogue and the licences of a school (and the board-wide licences): seats, costs, renewals. */
    LICENCES_READ,
    /** Register and change software, the school's licences, their assignments and proof of purchase. */
    LICENCES_MANAGE,
    /** Report a problem (a ticket) and follow one's own tickets. */
    TICKETS_REPORT,
    /** See all tickets of a school and the helpdesk dashboards (read only). */
    TICKETS_READ,
    /**
     * Work the tickets of a school: assign, reply, change status, escalate. For external users (an account of an
     * organisation) only the tickets escalated to their organisation.
     */
    TICKETS_WORK,
    /** Configure the helpdesk of a school: categories, SLA targets, business hours, canned replies, mailbox. */
    HELPDESK_CONFIGURE,
    /** Read the knowledge base: internal articles of one's schools (public articles need no account). */
    KNOWLEDGE_READ,
    /** Write and publish knowledge base articles. */
    KNOWLEDGE_MANAGE,
    /** See preventive maintenance plans, the maintenance log and the network documentation of a school. */
    MAINTENANCE_READ,
    /** Plan and record maintenance, and keep the network documentation. */
    MAINTENANCE_MANAGE,
    /** Read the ICT budget of a school: years, lines, committed and spent, the replacement plan. */
    BUDGET_READ,
    /** Plan the budget: years, lines, amounts, the replacement plan's settings. */
    BUDGET_MANAGE,
    /** Ask for a purchase and follow one's own requests. */
    PURCHASES_REQUEST,
    /** Read every purchase request and order of a school. */
    PURCHASES_READ,
    /** Give the coordinator's advice on a purchase request. */
    PURCHASES_ADVISE,
    /** Approve, reject or return a purchase request (the director). */
    PURCHASES_APPROVE,
    /** Handle quotes, orders, deliveries and invoices. */
    PURCHASES_MANAGE,
    /** Read the ICT vision, the policy plan, pilots, the acceptable-use policy and the security baseline. */
    POLICY_READ,
    /** Write the vision, the policy plan, pilots, the acceptable-use policy and the security baseline. */
    POLICY_MANAGE,
    /** Approve the vision and the policy plan or return them with remarks (the director). */
    POLICY_APPROVE,
    /** Run self-evaluation rounds (open, share links, close). */
    SURVEYS_MANAGE,
    /** Read the results of self-evaluation rounds. */
    SURVEYS_READ,
    /** Read the processing register, processor agreements, DPIAs and data breaches. */
    PRIVACY_READ,
    /** Keep the processing register, processor agreements, DPIAs and data breaches. */
    PRIVACY_MANAGE,
    /** Advise on and sign off register entries, DPIAs and breaches (the DPO). */
    PRIVACY_SIGN_OFF,
    /** Report a (suspected) data breach. */
    BREACHES_REPORT,
    /** Apply retention, export or erase what Coordinaat holds about one person. */
    PERSONAL_DATA_MANAGE,
    /** Browse the school's catalogue of approved digital tools. */
    TOOLS_READ,
    /** Propose a digital tool. */
    TOOLS_PROPOSE,
    /** Score a proposed tool with the evaluation rubric. */
    TOOLS_EVALUATE,
    /** Decide on a tool: adopt, pilot, reject, retire. */
    TOOLS_DECIDE,
    /** Adopt a tool whose privacy checks are still open, with a recorded reason (the director). */
    TOOLS_OVERRIDE_PRIVACY
}
