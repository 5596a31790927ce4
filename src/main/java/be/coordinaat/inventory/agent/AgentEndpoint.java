package be.coordinaat.inventory.agent;

import be.coordinaat.inventory.agent.AgentBody.Compression;
import be.coordinaat.inventory.agent.Enrolments.Enrolment;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the agents report, at the paths they use by default: {@code /ocsinventory} (FusionInventory, OCS XML) and
 * {@code /front/inventory.php} (GLPI Agent, JSON), and {@code /ocsinventory/{token}} for a school's own URL (either
 * protocol; the body decides). Bodies may be zlib- or gzip-compressed or plain; the reply is compressed the same
 * way. These paths are open in the web security chain (agents have no session and no CSRF token): this endpoint
 * authenticates every request itself through the school's enrolment ({@link Enrolments}).
 *
 * <p>OCS: {@code PROLOG} → {@code <REPLY><PROLOG_FREQ>24</PROLOG_FREQ><RESPONSE>SEND</RESPONSE></REPLY>}, then
 * {@code INVENTORY} → stored. GLPI: {@code {"action":"contact"}} → {@code {"status":"ok","expiration":24,
 * "tasks":{"inventory":{}}}}, then {@code {"action":"inventory",…}} → stored. Refusals are 4xx with a message
 * ({@code <REPLY><ERROR>…</ERROR></REPLY>} or {@code {"status":"error","message":…}}) and change nothing.
 */
@RestController
class AgentEndpoint {

    private static final Logger log = LoggerFactory.getLogger(AgentEndpoint.class);

    private final Enrolments enrolments;
    private final AgentIntake intake;
    private final AgentRateLimit limit;
    private final JsonMapper json = JsonMapper.builder().build();

    AgentEndpoint(Enrolments enrolments, AgentIntake intake, AgentRateLimit limit) {
        this.enrolments = enrolments;
        this.intake = intake;
        this.limit = limit;
    }

    @PostMapping({"/ocsinventory", "/ocsinventory/", "/ocsinventory/{token}", "/front/inventory.php"})
    ResponseEntity<byte[]> receive(@PathVariable(required = false) String token, HttpServletRequest request) {
        RawReport.Protocol protocol = request.getRequestURI().contains("/front/") || request.getHeader("GLPI-Agent-ID") != null
                ? RawReport.Protocol.GLPI : RawReport.Protocol.OCS;
        Compression compression = Compression.NONE;
        try {
            limit.count(request.getRemoteAddr());
            byte[] body = AgentBody.read(request.getInputStream(), request.getContentLengthLong());
            Enrolment enrolment = enrolments.resolve(token, request.getHeader(HttpHeaders.AUTHORIZATION));
            AgentBody.Decoded decoded = AgentBody.decode(body, request.getContentType());
            compression = decoded.compression();
            RawReport raw = ReportParser.parse(decoded.bytes());
            protocol = raw.protocol();
            return protocol == RawReport.Protocol.OCS ? ocs(enrolment, raw, request, compression)
                    : glpi(enrolment, raw, request, compression);
        } catch (AgentInputException e) {
            return error(protocol, compression, e.status(), e.getMessage());
        } catch (IOException e) {
            return error(protocol, compression, 400, "could not read the request body");
        } catch (DataAccessException e) {
            log.warn("agent inventory not stored", e);
            return error(protocol, compression, 503, "the inventory could not be stored now; try again later");
        }
    }

    private ResponseEntity<byte[]> ocs(Enrolment e, RawReport raw, HttpServletRequest request, Compression c) {
        String query = raw.request() == null ? "" : raw.request().strip().toUpperCase(Locale.ROOT);
        return switch (query) {
            case "PROLOG" -> reply(200, c, "application/xml", xml("<PROLOG_FREQ>" + e.prologHours()
                    + "</PROLOG_FREQ><RESPONSE>SEND</RESPONSE>"));
            case "INVENTORY" -> {
                store(e, raw, request);
                yield reply(200, c, "application/xml", xml("<RESPONSE>no_account_update</RESPONSE>"));
            }
            default -> throw AgentInputException.bad("unsupported QUERY '" + AgentReport.clip(raw.request(), 40)
                    + "' (PROLOG and INVENTORY are accepted)");
        };
    }

    private ResponseEntity<byte[]> glpi(Enrolment e, RawReport raw, HttpServletRequest request, Compression c) {
        String action = raw.request() == null ? "" : raw.request().strip().toLowerCase(Locale.ROOT);
        Map<String, Object> answer = new LinkedHashMap<>();
        switch (action) {
            case "contact" -> {
                answer.put("status", "ok");
                answer.put("expiration", e.prologHours());
                answer.put("tasks", Map.of("inventory", Map.of()));
            }
            case "inventory" -> {
                if (raw.itemType() != null && !raw.itemType().equalsIgnoreCase("Computer")) {
                    throw AgentInputException.bad("only inventories of computers are accepted (itemtype Computer)");
                }
                store(e, raw, request);
                answer.put("status", "ok");
            }
            default -> throw AgentInputException.bad("unsupported action '" + AgentReport.clip(raw.request(), 40)
                    + "' (contact and inventory are accepted)");
        }
        return reply(200, c, "application/json", json.writeValueAsBytes(answer));
    }

    private void store(Enrolment e, RawReport raw, HttpServletRequest request) {
        AgentReport report = AgentReport.of(raw);
        if (raw.partial()) {
            // a GLPI Agent's partial inventory carries only what changed; the full one follows within days
            intake.touch(e, report);
            return;
        }
        limit.withSlot(() -> AgentActor.as(e.boardId(), report.deviceId(),
                () -> intake.store(e, report, request.getRemoteAddr(), raw.protocol())));
    }

    private static byte[] xml(String inner) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REPLY>" + inner + "</REPLY>").getBytes(StandardCharsets.UTF_8);
    }

    private ResponseEntity<byte[]> error(RawReport.Protocol protocol, Compression c, int status, String message) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Coordinaat agents\"");
        }
        if (protocol == RawReport.Protocol.GLPI) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", "error");
            answer.put("message", message);
            return body(builder, c, "application/json", json.writeValueAsBytes(answer));
        }
        return body(builder, c, "application/xml", xml("<ERROR>" + escape(message) + "</ERROR>"));
    }

    private static ResponseEntity<byte[]> reply(int status, Compression c, String plainType, byte[] bytes) {
        return body(ResponseEntity.status(status), c, plainType, bytes);
    }

    private static ResponseEntity<byte[]> body(ResponseEntity.BodyBuilder builder, Compression c, String plainType,
            byte[] bytes) {
        return builder.header(HttpHeaders.CONTENT_TYPE, c.contentType == null ? plainType + ";charset=UTF-8" : c.contentType)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(AgentBody.encode(bytes, c));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
