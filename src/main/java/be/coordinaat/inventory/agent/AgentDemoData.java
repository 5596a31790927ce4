package be.coordinaat.inventory.agent;

import be.coordinaat.shared.DemoContributor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo enrolments: De Regenboog takes agents without authentication at the default paths, so pointing a
 * FusionInventory agent or GLPI Agent at a demo instance ({@code --server http://host:8080/}) just works; the
 * Atheneum needs its token URL and secret, as every school enrolled later does.
 */
@Component
@Order(45)
class AgentDemoData implements DemoContributor {

    private final Enrolments enrolments;

    AgentDemoData(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public void contribute(DemoBoard board) {
        enrolments.enrol(board.schools().get("regenboog"), board.boardId(), false, true);
        enrolments.enrol(board.schools().get("atheneum"), board.boardId(), true, false);
    }
}
