package be.coordinaat.inventory.agent;

/**
 * An agent request that is refused: the HTTP status and a clear English message for the agent's log. Nothing has
 * been written when this is thrown (the intake runs in one transaction and throws before or rolls back).
 */
class AgentInputException extends RuntimeException {

    private final int status;

    AgentInputException(int status, String message) {
        super(message);
        this.status = status;
    }

    static AgentInputException bad(String message) {
        return new AgentInputException(400, message);
    }

    int status() {
        return status;
    }
}
