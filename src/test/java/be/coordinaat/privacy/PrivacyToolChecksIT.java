package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.licences.ToolPrivacyChecks;
import be.coordinaat.licences.ToolPrivacyChecks.OpenCheck;
import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalogue's privacy checks for a tool in a school close one by one as the register entry, the signed agreement
 * and the DPIA's decision are recorded; an expired agreement or another school's records do not count.
 */
@IntegrationTest
class PrivacyToolChecksIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired List<ToolPrivacyChecks> checks;

    List<String> open(long tool, long school) {
        assertThat(checks).as("the privacy module is the one implementation").hasSize(1)
                .allMatch(c -> c instanceof PrivacyToolChecks);
        return checks.get(0).openChecks(tool, school).stream().map(OpenCheck::code).toList();
    }

    @Test
    void checksCloseAsTheRecordsAreKept() {
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        Api admin = Api.as("admin", port, jdbc);
        long tool = PrivacyTestData.software(admin, unique("Kahoot!"), a, b);
        assertThat(open(tool, a)).containsExactly("NO_REGISTER_ENTRY", "NO_PROCESSOR_AGREEMENT");

        PrivacyTestData.processing(admin, a, unique("Kahoot! quizzen"), tool);
        assertThat(open(tool, a)).containsExactly("NO_PROCESSOR_AGREEMENT");
        // another school's entry does not count
        assertThat(open(tool, b)).containsExactly("NO_REGISTER_ENTRY", "NO_PROCESSOR_AGREEMENT");

        String today = LocalDate.now(PrivacyTestData.BRUSSELS).toString();
        PrivacyTestData.agreement(admin, a, tool, "SIGNED", "2021-09-01", LocalDate.now(PrivacyTestData.BRUSSELS).minusDays(1).toString());
        assertThat(open(tool, a)).containsExactly("PROCESSOR_AGREEMENT_EXPIRED");
        // a board-wide signed agreement counts for every school
        PrivacyTestData.agreement(admin, null, tool, "SIGNED", today, null);
        assertThat(open(tool, a)).isEmpty();
        assertThat(open(tool, b)).containsExactly("NO_REGISTER_ENTRY");

        long dpia = PrivacyTestData.dpia(admin, a, unique("Kahoot! DPIA"), tool, List.of("VULNERABLE_SUBJECTS", "EVALUATION_SCORING"));
        assertThat(open(tool, a)).containsExactly("DPIA_NOT_DECIDED");
        admin.put("/api/v1/privacy/dpias/" + dpia + "/decision", "{\"decision\": \"DO_NOT_PROCEED\", \"note\": \"Te veel tracking\"}");
        assertThat(open(tool, a)).containsExactly("DPIA_NEGATIVE");
        admin.put("/api/v1/privacy/dpias/" + dpia + "/decision", "{\"decision\": \"PROCEED\"}");
        assertThat(open(tool, a)).isEmpty();
        assertThat(checks.get(0).openChecks(tool, 987654321L)).isEmpty();
    }
}
