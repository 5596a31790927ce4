package be.coordinaat.shared;

import java.util.Map;

/**
 * A module's part of the demo data. The setup module creates the demo board, its schools and one account per
 * role, then calls every contributor in {@link org.springframework.core.annotation.Order order}, all in one
 * transaction.
 */
public interface DemoContributor {

    /**
     * What the demo board consists of, so a module can attach its own demo records.
     *
     * @param schools  school key ("regenboog", "atheneum") to school id
     * @param users    demo user name ("admin", "coordinator", …) to account id
     * @param rooms    room code to room id
     */
    record DemoBoard(long boardId, long communityId, Map<String, Long> schools, Map<String, Long> users,
            Map<String, Long> rooms) {}

    void contribute(DemoBoard board);
}
