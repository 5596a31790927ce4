package be.coordinaat.access;

import java.util.List;

/** What access needs to know about external organisations; implemented by the people module. */
public interface OrganisationDirectory {

    /** An organisation by id and name. */
    record OrganisationRef(long id, String name) {}

    /** The organisations of a board, by name. */
    List<OrganisationRef> organisationsOfBoard(long boardId);
}
