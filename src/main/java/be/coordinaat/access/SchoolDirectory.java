package be.coordinaat.access;

import java.util.List;

/** What access needs to know about schools; implemented by the school module. */
public interface SchoolDirectory {

    /** A school by id and name. */
    record SchoolRef(long id, String name) {}

    List<SchoolRef> schoolsOfBoard(long boardId);
}
