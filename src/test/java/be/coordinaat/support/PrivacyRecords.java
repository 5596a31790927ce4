package be.coordinaat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a digital tool's privacy in order in one school through the privacy module's API (a processing-register entry
 * and a signed processor agreement), so that the real privacy checks let the tool be adopted or piloted.
 */
public final class PrivacyRecords {

    private PrivacyRecords() {}

    /** {@code api} needs PRIVACY_MANAGE in the school (the coordinator of that school, or the DPO). */
    public static void inOrder(Api api, long schoolId, long softwareId) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("schoolId", schoolId);
        entry.put("name", "Gebruik in de klas " + System.nanoTime());
        entry.put("purpose", "Oefenen in de klas");
        entry.put("legalBasis", "PUBLIC_TASK");
        entry.put("subjectCategories", List.of("PUPILS"));
        entry.put("retention", "Tot het einde van het schooljaar");
        entry.put("softwareId", softwareId);
        entry.put("status", "ACTIVE");
        var r = api.post("/api/v1/privacy/processing", Api.json(entry));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("schoolId", schoolId);
        agreement.put("softwareId", softwareId);
        agreement.put("vendorName", "Uitgeverij Test");
        agreement.put("status", "SIGNED");
        agreement.put("model", "FLEMISH_EDUCATION");
        agreement.put("signedOn", LocalDate.now(ZoneId.of("Europe/Brussels")).toString());
        var s = api.post("/api/v1/privacy/agreements", Api.json(agreement));
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
    }

    /** The same for a tool known by its id in {@code /api/v1/tools}. */
    public static void inOrderForTool(Api api, long toolId) {
        var tool = api.get("/api/v1/tools/" + toolId).json();
        inOrder(api, tool.get("schoolId").asLong(), tool.get("softwareId").asLong());
    }
}
