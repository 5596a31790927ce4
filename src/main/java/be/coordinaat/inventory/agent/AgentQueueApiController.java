package be.coordinaat.inventory.agent;

import be.coordinaat.inventory.agent.AgentQueue.Pending;
import be.coordinaat.inventory.agent.AgentQueue.Setting;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unknown-agent queue through the API: {@code GET /api/v1/agent-queue} (waiting, or {@code ?status=refused}),
 * {@code GET/PUT /api/v1/agent-queue/setting}, {@code POST /api/v1/agent-queue/{id}/accept} with
 * {@code {"schoolId":…,"version":…}}, {@code POST …/{id}/refuse} and {@code DELETE …/{id}?version=}.
 */
@RestController
@RequestMapping("/api/v1/agent-queue")
class AgentQueueApiController {

    record SettingBody(boolean enabled, int version) {}

    record AcceptBody(Long schoolId, int version) {}

    record VersionBody(int version) {}

    private final AgentQueue queue;

    AgentQueueApiController(AgentQueue queue) {
        this.queue = queue;
    }

    @GetMapping
    Page<Pending> list(@RequestParam(defaultValue = "pending") String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return queue.list("refused".equalsIgnoreCase(status), PageQuery.of(page, size == null ? 50 : size, null, null));
    }

    @GetMapping("/{id}")
    Pending get(@PathVariable long id) {
        return queue.get(id);
    }

    @GetMapping("/setting")
    Setting setting() {
        return queue.setting();
    }

    @PutMapping("/setting")
    Setting setSetting(@RequestBody SettingBody body) {
        return queue.setEnabled(body.enabled(), body.version());
    }

    @PostMapping("/{id}/accept")
    ResponseEntity<Map<String, Object>> accept(@PathVariable long id, @RequestBody AcceptBody body) {
        if (body.schoolId() == null) {
            throw new be.coordinaat.shared.InvalidInputException(java.util.List.of(
                    new be.coordinaat.shared.InvalidInputException.FieldProblem("schoolId", "agent.queue.error.school",
                            "Choose a school whose inventory you manage")));
        }
        Long asset = queue.accept(id, body.schoolId(), body.version());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("schoolId", body.schoolId());
        answer.put("assetId", asset);
        return ResponseEntity.ok(answer);
    }

    @PostMapping("/{id}/refuse")
    ResponseEntity<Void> refuse(@PathVariable long id, @RequestBody VersionBody body) {
        queue.refuse(id, body.version());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> forget(@PathVariable long id, @RequestParam int version) {
        queue.forget(id, version);
        return ResponseEntity.noContent().build();
    }
}
