package io.heliox.atlas.web.http;

import io.heliox.atlas.web.caller.Caller;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.query.audit.AuditEvent;
import io.heliox.atlas.query.audit.AuditFilter;
import io.heliox.atlas.query.audit.AuditLog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Audit queries over the event store: who did what, when, in which run. */
@RestController
public class AuditController {

    private final AuditLog auditLog;

    public AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping(path = "/v1/audit/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode events(@RequestParam(required = false) String aggregateId,
                             @RequestParam(required = false) String type,
                             @RequestParam(required = false) String principal,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String after,
                             @RequestParam(required = false) String limit, Caller caller) {
        Long afterIndex = null;
        if (after != null) {
            afterIndex = Params.longValue("/query/after", after);
            if (afterIndex < 0) {
                throw ApiProblem.invalidParameter("/query/after", "after must be >= 0");
            }
        }
        Instant fromTime = Params.instant("/query/from", from);
        Instant toTime = Params.instant("/query/to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw ApiProblem.invalidParameter("/query/to", "to must be after from");
        }
        int pageSize = Params.limit(limit, 100, 500);
        List<AuditEvent> events = auditLog.query(new AuditFilter(blankToNull(aggregateId), blankToNull(type),
                blankToNull(principal), fromTime, toTime, afterIndex, pageSize), caller.scope());

        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var items = body.putArray("items");
        for (AuditEvent e : events) {
            ObjectNode item = items.addObject();
            item.put("globalIndex", e.globalIndex());
            item.put("aggregateId", e.aggregateId());
            item.put("aggregateType", e.aggregateType());
            item.put("seq", e.seq());
            item.put("type", e.type());
            item.put("timestamp", e.timestamp().toString());
            item.put("principal", e.principal());
            item.put("traceId", e.traceId());
            if (e.clientTraceId() != null) {
                item.put("clientTraceId", e.clientTraceId());
            }
            item.put("correlationId", e.correlationId());
            item.set("payload", e.payload());
        }
        if (events.size() == pageSize) {
            body.put("nextAfter", events.get(events.size() - 1).globalIndex());
        } else {
            body.putNull("nextAfter");
        }
        return body;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
