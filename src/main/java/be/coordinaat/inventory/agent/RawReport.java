package be.coordinaat.inventory.agent;

import java.util.List;
import java.util.Map;

/**
 * What an agent sent, before interpretation: the request kind ({@code PROLOG}/{@code INVENTORY} of OCS XML,
 * {@code contact}/{@code inventory} of GLPI JSON), the device id and the inventory content as sections (lower-case
 * names such as {@code bios}, {@code softwares}) of entries of lower-case field names to text. XML and JSON
 * inventories have the same shape (the GLPI JSON format is the XML one in lower case), so one interpreter serves both.
 */
record RawReport(Protocol protocol, String request, String deviceId, String itemType, boolean partial,
        Map<String, List<Map<String, String>>> sections) {

    enum Protocol { OCS, GLPI }

    List<Map<String, String>> all(String section) {
        return sections.getOrDefault(section, List.of());
    }

    Map<String, String> first(String section) {
        List<Map<String, String>> list = all(section);
        return list.isEmpty() ? Map.of() : list.get(0);
    }

    String field(String section, String field) {
        return first(section).get(field);
    }
}
