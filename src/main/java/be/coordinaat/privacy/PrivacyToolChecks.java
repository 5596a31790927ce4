package be.coordinaat.privacy;

import be.coordinaat.licences.ToolPrivacyChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's privacy checks for a tool in a school, from this module's records of that school or of the board:
 * a register entry that is not retired, a signed processor agreement that has not expired, and no DPIA whose
 * screening says it is needed but that is not decided (or decided against). The catalogue asks on behalf of a user it
 * already checked, so this answers from the data alone.
 */
@Component
class PrivacyToolChecks implements ToolPrivacyChecks {

    static final String NO_REGISTER_ENTRY = "NO_REGISTER_ENTRY";
    static final String NO_PROCESSOR_AGREEMENT = "NO_PROCESSOR_AGREEMENT";
    static final String PROCESSOR_AGREEMENT_EXPIRED = "PROCESSOR_AGREEMENT_EXPIRED";
    static final String DPIA_NOT_DECIDED = "DPIA_NOT_DECIDED";
    static final String DPIA_NEGATIVE = "DPIA_NEGATIVE";

    private final JdbcClient jdbc;

    PrivacyToolChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OpenCheck> openChecks(long softwareId, long schoolId) {
        Map<String, Object> row = jdbc.sql("""
                SELECT
                  EXISTS (SELECT 1 FROM privacy_processing p WHERE p.board_id = s.board_id AND p.software_id = :sw
                          AND (p.school_id = s.id OR p.school_id IS NULL) AND p.status <> 'RETIRED') AS registered,
                  EXISTS (SELECT 1 FROM privacy_agreement a WHERE a.board_id = s.board_id AND a.software_id = :sw
                          AND (a.school_id = s.id OR a.school_id IS NULL) AND a.status = 'SIGNED'
                          AND (a.end_date IS NULL OR a.end_date >= :today)) AS signed,
                  EXISTS (SELECT 1 FROM privacy_agreement a WHERE a.board_id = s.board_id AND a.software_id = :sw
                          AND (a.school_id = s.id OR a.school_id IS NULL) AND a.status = 'SIGNED'
                          AND a.end_date < :today) AS expired,
                  EXISTS (SELECT 1 FROM privacy_dpia d WHERE d.board_id = s.board_id AND d.software_id = :sw
                          AND (d.school_id = s.id OR d.school_id IS NULL) AND cardinality(d.criteria) >= :needed
                          AND d.decision = 'PENDING') AS undecided,
                  EXISTS (SELECT 1 FROM privacy_dpia d WHERE d.board_id = s.board_id AND d.software_id = :sw
                          AND (d.school_id = s.id OR d.school_id IS NULL) AND d.decision = 'DO_NOT_PROCEED') AS negative
                FROM school s WHERE s.id = :school""")
                .param("sw", softwareId).param("school", schoolId).param("today", PrivacyScope.today())
                .param("needed", Dpias.NEEDED_FROM).query().listOfRows().stream().findFirst().orElse(null);
        if (row == null) {
            return List.of();
        }
        List<OpenCheck> checks = new ArrayList<>();
        if (!(Boolean) row.get("registered")) {
            checks.add(new OpenCheck(NO_REGISTER_ENTRY, "privacy.check.NO_REGISTER_ENTRY",
                    "the processing register has no entry for this tool in this school or the board"));
        }
        if (!(Boolean) row.get("signed")) {
            if ((Boolean) row.get("expired")) {
                checks.add(new OpenCheck(PROCESSOR_AGREEMENT_EXPIRED, "privacy.check.PROCESSOR_AGREEMENT_EXPIRED",
                        "the processor agreement for this tool has expired"));
            } else {
                checks.add(new OpenCheck(NO_PROCESSOR_AGREEMENT, "privacy.check.NO_PROCESSOR_AGREEMENT",
                        "there is no signed processor agreement for this tool"));
            }
        }
        if ((Boolean) row.get("undecided")) {
            checks.add(new OpenCheck(DPIA_NOT_DECIDED, "privacy.check.DPIA_NOT_DECIDED",
                    "a DPIA is needed for this tool and has not been decided"));
        }
        if ((Boolean) row.get("negative")) {
            checks.add(new OpenCheck(DPIA_NEGATIVE, "privacy.check.DPIA_NEGATIVE",
                    "the DPIA for this tool concluded not to proceed"));
        }
        return List.copyOf(checks);
    }
}
