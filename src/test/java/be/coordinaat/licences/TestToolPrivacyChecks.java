package be.coordinaat.licences;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A privacy register for tests: the checks a test declares open for a catalogue entry in a school, answered like the
 * privacy module's implementation would. A component rather than a {@code @TestConfiguration} of one test class, so
 * that all integration tests keep sharing one Spring context (and one embedded PostgreSQL); it answers nothing for
 * entries no test declared, so it changes nothing for the other tests.
 */
@Component
class TestToolPrivacyChecks implements ToolPrivacyChecks {

    private static final Map<String, List<OpenCheck>> OPEN = new ConcurrentHashMap<>();

    /** No signed processor agreement for this entry in this school. */
    static void missingProcessorAgreement(long softwareId, long schoolId) {
        OPEN.put(softwareId + ":" + schoolId, List.of(new OpenCheck("PROCESSOR_AGREEMENT_MISSING",
                "privacy.check.processorAgreementMissing", "no signed processor agreement with the vendor")));
    }

    /** The agreement was signed: nothing open any more. */
    static void resolved(long softwareId, long schoolId) {
        OPEN.remove(softwareId + ":" + schoolId);
    }

    @Override
    public List<OpenCheck> openChecks(long softwareId, long schoolId) {
        return OPEN.getOrDefault(softwareId + ":" + schoolId, List.of());
    }
}
