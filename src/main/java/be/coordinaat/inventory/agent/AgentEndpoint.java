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
    private final AgentQueue queue;
    private final JsonMapper json = JsonMapper.builder().build();

    AgentEndpoint(Enrolments enrolments, AgentIntake intake, AgentRateLimit limit, AgentQueue queue) {
        this.enrolments = enrolments;
        this.intake = intake;
        this.limit = limit;
        this.queue = queue;
    }

    /** What an inventory request does once understood: store it for a school, or hold it in the unknown-agent queue. */
    private interface Storer {
        void store(RawReport raw);
    }

    @PostMapping({"/ocsinventory", "/ocsinventory/", "/ocsinventory/{token}", "/front/inventory.php", "/api/v1/agent",
            "/api/v1/agent/{token}"})
    ResponseEntity<byte[]> receive(@PathVariable(required = false) String token, HttpServletRequest request) {
        RawReport.Protocol protocol = request.getRequestURI().contains("/front/") || request.getHeader("GLPI-Agent-ID") != null
                ? RawReport.Protocol.GLPI : RawReport.Protocol.OCS;
        Compression compression = Compression.NONE;
        try {
            limit.count(request.getRemoteAddr());
            byte[] body = AgentBody.read(request.getInputStream(), request.getContentLengthLong());
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            // anonymous at a bare path where no school is open: the board's unknown-agent queue, when it has one
            Long queueBoard = token == null && authorization == null && !enrolments.hasOpenDefault()
                    ? queue.openBoard().orElse(null) : null;
            Enrolment enrolment = queueBoard != null ? null : enrolments.resolve(token, authorization);
            AgentBody.Decoded decoded = AgentBody.decode(body, request.getContentType());
            compression = decoded.compression();
            RawReport raw = ReportParser.parse(decoded.bytes());
            protocol = raw.protocol();
            int prologHours = enrolment == null ? 24 : enrolment.prologHours();
            Storer storer = enrolment != null ? r -> store(enrolment, r, request)
                    : r -> queued(queueBoard, r, decoded.bytes(), request);
            return protocol == RawReport.Protocol.OCS ? ocs(prologHours, storer, raw, compression)
                    : glpi(prologHours, storer, raw, compression);
        } catch (AgentInputException e) {
            return error(protocol, compression, e.status(), e.getMessage());
        } catch (IOException e) {
            return error(protocol, compression, 400, "could not read the request body");
        } catch (DataAccessException e) {
            log.warn("agent inventory not stored", e);
            return error(protocol, compression, 503, "the inventory could not be stored now; try again later");
        }
    }

    private ResponseEntity<byte[]> ocs(int prologHours, Storer storer, RawReport raw, Compression c) {
        String query = raw.request() == null ? "" : raw.request().strip().toUpperCase(Locale.ROOT);
        return switch (query) {
            case "PROLOG" -> reply(200, c, "application/xml", xml("<PROLOG_FREQ>" + prologHours
                    + "</PROLOG_FREQ><RESPONSE>SEND</RESPONSE>"));
            case "INVENTORY" -> {
                storer.store(raw);
                yield reply(200, c, "application/xml", xml("<RESPONSE>no_account_update</RESPONSE>"));
            }
            default -> throw AgentInputException.bad("unsupported QUERY '" + AgentReport.clip(raw.request(), 40)
                    + "' (PROLOG and INVENTORY are accepted)");
        };
    }

    private ResponseEntity<byte[]> glpi(int prologHours, Storer storer, RawReport raw, Compression c) {
        String action = raw.request() == null ? "" : raw.request().strip().toLowerCase(Locale.ROOT);
        Map<String, Object> answer = new LinkedHashMap<>();
        switch (action) {
            case "contact" -> {
                answer.put("status", "ok");
                answer.put("expiration", prologHours);
                answer.put("tasks", Map.of("inventory", Map.of()));
            }
            case "inventory" -> {
                if (raw.itemType() != null && !raw.itemType().equalsIgnoreCase("Computer")) {
                    throw AgentInputException.bad("only inventories of computers are accepted (itemtype Computer)");
                }
                storer.store(raw);
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

    /**
     * An anonymous inventory while the board's queue is on: a device accepted from the queue is stored in its
     * school, a refused one gets 403, any other waits in the queue with its last full inventory.
     */
    private void queued(long boardId, RawReport raw, byte[] decoded, HttpServletRequest request) {
        AgentReport report = AgentReport.of(raw);
        AgentQueue.Route route = queue.route(boardId, report.deviceId());
        if (route instanceof AgentQueue.Accepted a) {
            store(a.enrolment(), raw, request);
        } else if (route instanceof AgentQueue.Refused) {
            throw new AgentInputException(403, "this agent was refused by the school's ICT coordinator");
        } else {
            queue.hold(boardId, raw.protocol(), report, raw.partial() ? null : decoded, request.getRemoteAddr());
        }
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
