package be.coordinaat.inventory.agent;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses OCS XML (FusionInventory) and GLPI JSON inventories into a {@link RawReport}, safely: the XML parser
 * refuses any DTD (so no external entities and no entity expansion — "billion laughs" — can happen), both parsers
 * limit nesting, the number of entries and the length of every value, and any malformed input is an
 * {@link AgentInputException} (400) with a message saying what is wrong.
 */
final class ReportParser {

    /** The longest single value accepted; a longer one is refused (no real inventory field comes near). */
    static final int MAX_VALUE = 4096;
    static final int MAX_ENTRIES_PER_SECTION = 20_000;
    static final int MAX_ENTRIES = 100_000;
    static final int MAX_FIELDS_PER_ENTRY = 200;
    private static final int MAX_DEPTH = 12;

    private static final XMLInputFactory XML = xmlFactory();
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_VALUE)
                    .maxNumberLength(100).maxNameLength(200).maxDocumentLength(AgentBody.MAX_DECOMPRESSED).build())
            .build()).build();

    private ReportParser() {}

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** JSON when the body starts with '{' (after white space and a BOM), XML otherwise. */
    static RawReport parse(byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                return json(body);
            }
            if (b == '<') {
                return xml(body);
            }
            if (!(b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF)) {
                break;
            }
        }
        throw AgentInputException.bad("body is neither an OCS XML nor a GLPI JSON inventory");
    }

    // ---- OCS XML ----

    static RawReport xml(byte[] body) {
        XMLStreamReader r = null;
        try {
            r = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            String deviceId = null;
            String query = null;
            Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
            Counter counter = new Counter();
            if (nextElement(r) == null || !r.getLocalName().equals("REQUEST")) {
                throw AgentInputException.bad("XML root element must be REQUEST");
            }
            String name;
            while ((name = nextChild(r)) != null) {
                switch (name) {
                    case "DEVICEID" -> deviceId = text(r, "DEVICEID");
                    case "QUERY" -> query = text(r, "QUERY");
                    case "CONTENT" -> content(r, sections, counter);
                    default -> skip(r);
                }
            }
            while (r.hasNext()) { // trailing comments and white space only; a second root is a parse error
                check(r.next());
            }
            return new RawReport(RawReport.Protocol.OCS, query, deviceId, null, false, sections);
        } catch (XMLStreamException e) {
            throw AgentInputException.bad("malformed XML: " + shortMessage(e));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    private static final class Counter {
        int entries;
    }

    private static void content(XMLStreamReader r, Map<String, List<Map<String, String>>> sections, Counter counter)
            throws XMLStreamException {
        String section;
        while ((section = nextChild(r)) != null) {
            String key = section.toLowerCase(Locale.ROOT);
            Map<String, String> entry = new LinkedHashMap<>();
            StringBuilder own = new StringBuilder();
            // the children of a section entry are its fields; deeper elements (e.g. TIMEZONE/NAME) are skipped
            while (true) {
                int event = check(r.next());
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String field = r.getLocalName().toLowerCase(Locale.ROOT);
                    String value = leafText(r, field);
                    if (value != null) {
                        if (entry.size() >= MAX_FIELDS_PER_ENTRY) {
                            throw AgentInputException.bad("too many fields in " + section);
                        }
                        entry.put(field, value);
                    }
                } else if (event == XMLStreamConstants.CHARACTERS) {
                    appendLimited(own, r.getText(), section);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
            }
            if (entry.isEmpty() && !own.toString().isBlank()) {
                entry.put("value", own.toString().strip());
            }
            add(sections, key, entry, counter);
        }
    }

    private static void add(Map<String, List<Map<String, String>>> sections, String key, Map<String, String> entry,
            Counter counter) {
        List<Map<String, String>> list = sections.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.size() >= MAX_ENTRIES_PER_SECTION || ++counter.entries > MAX_ENTRIES) {
            throw new AgentInputException(413, "too many entries in " + key.toUpperCase(Locale.ROOT)
                    + " (at most " + MAX_ENTRIES_PER_SECTION + ")");
        }
        list.add(entry);
    }

    /** The text of a field element; null (skipped) when it has child elements. */
    private static String leafText(XMLStreamReader r, String field) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean leaf = true;
        int depth = 1;
        while (depth > 0) {
            int event = check(r.next());
            if (event == XMLStreamConstants.START_ELEMENT) {
                leaf = false;
                if (++depth > MAX_DEPTH) {
                    throw AgentInputException.bad("XML nested too deeply");
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS && leaf) {
                appendLimited(text, r.getText(), field);
            }
        }
        return leaf ? text.toString().strip() : null;
    }

    private static void appendLimited(StringBuilder sb, String text, String field) {
        if (sb.length() + text.length() > MAX_VALUE) {
            throw AgentInputException.bad("value of " + field.toUpperCase(Locale.ROOT) + " is longer than " + MAX_VALUE
                    + " characters");
        }
        sb.append(text);
    }

    private static String text(XMLStreamReader r, String field) throws XMLStreamException {
        String value = leafText(r, field);
        if (value == null) {
            throw AgentInputException.bad(field + " must be text");
        }
        return value;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = check(r.next());
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (++depth > MAX_DEPTH) {
                    throw AgentInputException.bad("XML nested too deeply");
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The root element's name, after the prolog. */
    private static String nextElement(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (check(r.next()) == XMLStreamConstants.START_ELEMENT) {
                return r.getLocalName();
            }
        }
        return null;
    }

    /** The next child element of the current element, or null at its end. */
    private static String nextChild(XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int event = check(r.next());
            if (event == XMLStreamConstants.START_ELEMENT) {
                return r.getLocalName();
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return null;
            }
        }
    }

    /** Refuses what a safe inventory never contains: a DTD and entity references other than the predefined five. */
    private static int check(int event) {
        if (event == XMLStreamConstants.DTD) {
            throw AgentInputException.bad("DTDs (DOCTYPE) are not accepted");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw AgentInputException.bad("entity references are not accepted");
        }
        return event;
    }

    private static String shortMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "unreadable" : e.getMessage();
        int msg = m.indexOf("Message: ");
        m = msg >= 0 ? m.substring(msg + 9) : m;
        return m.length() > 200 ? m.substring(0, 200) : m;
    }

    // ---- GLPI JSON ----

    static RawReport json(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            String m = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
            throw AgentInputException.bad("malformed JSON: " + (m.length() > 200 ? m.substring(0, 200) : m));
        }
        if (root == null || !root.isObject()) {
            throw AgentInputException.bad("JSON body must be an object");
        }
        String action = scalar(root.get("action"), "action");
        String deviceId = scalar(root.get("deviceid"), "deviceid");
        String itemType = scalar(root.get("itemtype"), "itemtype");
        Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
        JsonNode content = root.get("content");
        Counter counter = new Counter();
        if (content != null && !content.isNull()) {
            if (!content.isObject()) {
                throw AgentInputException.bad("content must be an object");
            }
            for (Map.Entry<String, JsonNode> section : content.properties()) {
                String key = section.getKey().toLowerCase(Locale.ROOT);
                JsonNode value = section.getValue();
                if (value.isArray()) {
                    for (JsonNode item : value) {
                        add(sections, key, entry(item, key), counter);
                    }
                } else if (value.isObject()) {
                    add(sections, key, entry(value, key), counter);
                } else if (value.isValueNode() && !value.isNull()) {
                    add(sections, key, Map.of("value", scalar(value, key)), counter);
                }
            }
        }
        JsonNode partial = root.get("partial");
        return new RawReport(RawReport.Protocol.GLPI, action, deviceId, itemType,
                partial != null && (partial.asBoolean(false) || "1".equals(partial.asString(""))), sections);
    }

    private static Map<String, String> entry(JsonNode item, String section) {
        Map<String, String> entry = new LinkedHashMap<>();
        if (item.isObject()) {
            for (Map.Entry<String, JsonNode> f : item.properties()) {
                JsonNode v = f.getValue();
                if (v.isValueNode() && !v.isNull()) {
                    if (entry.size() >= MAX_FIELDS_PER_ENTRY) {
                        throw AgentInputException.bad("too many fields in " + section);
                    }
                    entry.put(f.getKey().toLowerCase(Locale.ROOT), scalar(v, f.getKey()).strip());
                } else if (v.isArray() && f.getKey().equalsIgnoreCase("ipaddress")) {
                    // some agents send a list of addresses
                    List<String> ips = new ArrayList<>();
                    v.forEach(ip -> {
                        if (ip.isValueNode()) {
                            ips.add(ip.asString());
                        }
                    });
                    entry.put("ipaddress", String.join(",", ips));
                }
            }
        } else if (item.isValueNode() && !item.isNull()) {
            entry.put("value", scalar(item, section));
        }
        return entry;
    }

    private static String scalar(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw AgentInputException.bad(field + " must be a string");
        }
        String s = node.asString();
        if (s.length() > MAX_VALUE) {
            throw AgentInputException.bad("value of " + field + " is longer than " + MAX_VALUE + " characters");
        }
        return s;
    }
}
