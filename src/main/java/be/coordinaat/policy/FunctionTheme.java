package be.coordinaat.policy;

/**
 * The themes of the ICT coordinator's function description a goal serves: A.1 policy, A.2 pedagogical support, A.3
 * pedagogical innovation (where the coordinator holds the proof of competence), A.4 technical management, B
 * professionalisation, C cooperation. Labels in the message bundles ({@code policy.theme.A1}, …).
 */
public enum FunctionTheme {
    A1("A.1"), A2("A.2"), A3("A.3"), A4("A.4"), B("B"), C("C");

    private final String code;

    FunctionTheme(String code) {
        this.code = code;
    }

    /** The code as the function description writes it ("A.1"). */
    public String code() {
        return code;
    }
}
