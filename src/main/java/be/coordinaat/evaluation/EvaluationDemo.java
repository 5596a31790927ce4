package be.coordinaat.evaluation;

import be.coordinaat.evaluation.Forms.AssignmentForm;
import be.coordinaat.shared.DemoContributor;
import java.time.LocalDate;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The evaluation module's demo data: the board's function-description model (the standard text) and the demo
 * coordinator's assignment at De Regenboog — the director as first and the board admin as second evaluator, with a
 * proof of pedagogical competence, so the generated version 1 includes A.3.
 */
@Component
@Order(60)
class EvaluationDemo implements DemoContributor {

    private final FunctionDescriptionModel model;
    private final FunctionDescriptions descriptions;

    EvaluationDemo(FunctionDescriptionModel model, FunctionDescriptions descriptions) {
        this.model = model;
        this.descriptions = descriptions;
    }

    @Override
    public void contribute(DemoBoard board) {
        model.createStandard(board.boardId());
        long assignment = descriptions.createForDemo(board.boardId(), new AssignmentForm(board.schools().get("regenboog"),
                board.users().get("coordinator"), board.users().get("director"), board.users().get("admin"), true,
                LocalDate.of(2024, 9, 1), null));
        descriptions.generateForDemo(assignment);
    }
}
