package be.coordinaat.people;

import be.coordinaat.access.OrganisationDirectory;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the access module which organisations an account can belong to. */
@Component
class OrganisationDirectoryAdapter implements OrganisationDirectory {

    private final JdbcClient jdbc;

    OrganisationDirectoryAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OrganisationRef> organisationsOfBoard(long boardId) {
        return jdbc.sql("SELECT id, name FROM organisation WHERE board_id = ? ORDER BY lower(name), id").param(boardId)
                .query((rs, n) -> new OrganisationRef(rs.getLong(1), rs.getString(2))).list();
    }
}
