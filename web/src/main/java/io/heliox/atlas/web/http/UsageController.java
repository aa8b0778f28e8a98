package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.usage.Meter;
import io.heliox.atlas.api.usage.Quota;
import io.heliox.atlas.api.usage.Quotas;
import io.heliox.atlas.command.application.usage.UsageMeter;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.query.usage.UsageLedger;
import io.heliox.atlas.web.caller.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A workspace's quotas and its metered usage. Who may call each operation is the contract's
 * {@code x-atlas-role} (viewer reads the quotas, admin sets them and reads the usage).
 */
@RestController
public class UsageController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final UsageMeter usage;
    private final UsageLedger ledger;
    private final RequestBodies bodies;

    public UsageController(UsageMeter usage, UsageLedger ledger, RequestBodies bodies) {
        this.usage = usage;
        this.ledger = ledger;
        this.bodies = bodies;
    }

    @GetMapping(path = "/v1/workspaces/{workspaceId}/quotas", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode quotas(Caller caller) {
        return quotasOf(caller);
    }

    @PutMapping(path = "/v1/workspaces/{workspaceId}/quotas", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode setQuotas(HttpServletRequest request, Caller caller) {
        JsonNode body = bodies.read(request, ContractSchemas.QUOTA_REQUEST);
        Map<Quota, Long> limits = new EnumMap<>(Quota.class);
        List<Violation> aboveDefault = new ArrayList<>();
        for (Quota quota : Quota.values()) {
            JsonNode value = body.get(quota.wireName());
            if (value == null || value.isNull()) {
                continue;
            }
            long limit = value.asLong();
            long ceiling = usage.defaults().limit(quota, Quotas.none());
            if (limit > ceiling && !caller.principal().systemAdmin()) {
                aboveDefault.add(new Violation("/" + quota.wireName(), "at most the installation's " + ceiling
                        + " (only a system administrator may set more)", "maximum"));
            }
            limits.put(quota, limit);
        }
        if (!aboveDefault.isEmpty()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "quota-above-default", "Quota above the installation's default",
                    "a workspace admin may lower the workspace's quotas, not raise them above the installation's",
                    aboveDefault);
        }
        usage.setQuotas(caller.workspaceId(), new Quotas(limits));
        return quotasOf(caller);
    }

    @GetMapping(path = "/v1/workspaces/{workspaceId}/usage", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> usage(@RequestParam(required = false) String month,
                                   @RequestParam(required = false) String format, Caller caller) {
        YearMonth of = month(month);
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ApiProblem.invalidParameter("/query/format", "must be json or csv");
        }
        if ("csv".equals(format)) {
            return csv(caller.workspaceId(), of, caller);
        }
        return ResponseEntity.ok(report(caller.workspaceId(), of, caller));
    }

    @GetMapping(path = "/v1/workspaces/{workspaceId}/usage", produces = "text/csv")
    public ResponseEntity<?> usageCsv(@RequestParam(required = false) String month,
                                      @RequestParam(required = false) String format, Caller caller) {
        if ("json".equals(format)) {
            return usage(month, format, caller);
        }
        return usage(month, "csv", caller);
    }

    private ObjectNode quotasOf(Caller caller) {
        UUID workspace = caller.workspaceId();
        UsageLedger.Current current = ledger.current(workspace, usage.today(), caller.scope());
        Quotas own = new Quotas(current.own());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("workspaceId", workspace.toString());
        out.put("day", usage.today().toString());
        var items = out.putArray("quotas");
        for (Quota quota : Quota.values()) {
            ObjectNode item = items.addObject();
            item.put("quota", quota.wireName());
            item.put("description", quota.description());
            item.put("limit", own.limit(quota, usage.defaults()));
            item.put("installationDefault", usage.defaults().limit(quota, Quotas.none()));
            item.put("source", own.sets(quota) ? "workspace" : "installation");
            if (quota == Quota.SCENARIO_BARS_PER_REQUEST) {
                item.putNull("used");
            } else {
                item.put("used", current.used(quota));
            }
        }
        return out;
    }

    private record LineKey(Meter meter, String provider, String model) implements Comparable<LineKey> {
        @Override
        public int compareTo(LineKey o) {
            int byMeter = meter.compareTo(o.meter);
            if (byMeter != 0) {
                return byMeter;
            }
            int byProvider = provider.compareTo(o.provider);
            return byProvider != 0 ? byProvider : model.compareTo(o.model);
        }
    }

    /** The month's invoice lines: one per meter (per provider and model for tokens), in meter order. */
    private static Map<LineKey, Long> lines(List<UsageLedger.Line> days) {
        Map<LineKey, Long> lines = new TreeMap<>();
        days.forEach(d -> lines.merge(new LineKey(d.meter(), d.provider(), d.model()), d.quantity(), Long::sum));
        return lines;
    }

    private ObjectNode report(UUID workspace, YearMonth month, Caller caller) {
        List<UsageLedger.Line> days = ledger.month(workspace, month, caller.scope());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("workspaceId", workspace.toString());
        out.put("month", month.toString());
        var lineItems = out.putArray("lines");
        lines(days).forEach((key, quantity) -> lineItems.addObject()
                .put("meter", key.meter().wireName()).put("provider", key.provider()).put("model", key.model())
                .put("unit", key.meter().unit()).put("quantity", quantity));
        var dayItems = out.putArray("days");
        days.forEach(d -> dayItems.addObject().put("day", d.day().toString()).put("meter", d.meter().wireName())
                .put("provider", d.provider()).put("model", d.model()).put("quantity", d.quantity()));
        return out;
    }

    private ResponseEntity<String> csv(UUID workspace, YearMonth month, Caller caller) {
        StringBuilder csv = new StringBuilder("workspace_id,month,meter,provider,model,unit,quantity\r\n");
        lines(ledger.month(workspace, month, caller.scope())).forEach((key, quantity) -> csv
                .append(workspace).append(',').append(month).append(',').append(key.meter().wireName()).append(',')
                .append(csvField(key.provider())).append(',').append(csvField(key.model())).append(',')
                .append(key.meter().unit()).append(',').append(quantity).append("\r\n"));
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"usage-" + workspace + "-" + month + ".csv\"")
                .body(csv.toString());
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; a leading formula sign is defused. */
    static String csvField(String value) {
        String text = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static YearMonth month(String text) {
        if (text == null) {
            return YearMonth.now(java.time.ZoneOffset.UTC);
        }
        if (!text.matches("[0-9]{4}-(0[1-9]|1[0-2])")) {
            throw ApiProblem.invalidParameter("/query/month", "must be a month, YYYY-MM");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter("/query/month", "must be a month, YYYY-MM");
        }
    }
}
