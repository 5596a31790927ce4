package be.coordinaat.inventory.agent;

/** The agent endpoint's pipeline up to storing (decompress, parse, interpret), for the benchmark's floor. */
public final class AgentParsing {

    private AgentParsing() {}

    /** Returns the number of software entries, so the work cannot be optimised away. */
    public static int parse(byte[] body, String contentType) {
        return AgentReport.of(ReportParser.parse(AgentBody.decode(body, contentType).bytes())).software().size();
    }
}
