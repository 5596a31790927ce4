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
    LICENCES_MANAGE
}
