package io.heliox.atlas.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.query.ScopedReads;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * "Who did what, when, in which run": queries over the event store itself (not a projection).
 * Principal and trace id come from each message's Axon metadata; paging is by global index. Only
 * the events of the caller's scope: the workspace in their metadata, under row-level security.
 */
public class AuditLog {

    private final ScopedReads reads;
    private final ObjectMapper json;

    public AuditLog(ScopedReads reads, ObjectMapper json) {
        this.reads = reads;
        this.json = json;
    }

    public List<AuditEvent> query(AuditFilter filter, Scope scope) {
        JdbcTemplate jdbc = reads.jdbc();
        StringBuilder sql = new StringBuilder("""
                select global_index, aggregate_identifier, type, sequence_number, payload_type, time_stamp,
                       meta_data, payload from domain_event_entry where 1 = 1""");
        List<Object> args = new ArrayList<>();
        if (filter.after() != null) {
            sql.append(" and global_index > ?");
            args.add(filter.after());
        }
        if (filter.aggregateId() != null) {
            sql.append(" and aggregate_identifier = ?");
            args.add(filter.aggregateId());
        }
        if (filter.type() != null) {
            // payload_type is the class name; the API speaks of its simple name.
            sql.append(" and (payload_type = ? or payload_type like ?)");
            args.add(filter.type());
            args.add("%." + filter.type().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        if (filter.principal() != null) {
            sql.append(" and convert_from(meta_data, 'UTF8')::jsonb ->> 'principal' = ?");
            args.add(filter.principal());
        }
        if (!scope.isAll()) {
            // the policy alone would do; saying it lets PostgreSQL use it before the row filter
            sql.append(" and atlas_event_workspace(meta_data) = ?");
            args.add(scope.workspaceId());
        }
        if (filter.from() != null) {
            sql.append(" and time_stamp::timestamptz >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and time_stamp::timestamptz < ?");
            args.add(Timestamp.from(filter.to()));
        }
        sql.append(" order by global_index limit ?");
        args.add(filter.limit());
        return reads.read(scope, () -> jdbc.query(sql.toString(), (rs, i) -> {
            JsonNode meta = read(rs.getBytes("meta_data"));
            String payloadType = rs.getString("payload_type");
            return new AuditEvent(rs.getLong("global_index"), rs.getString("aggregate_identifier"), rs.getString("type"),
                    rs.getLong("sequence_number"), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                    Instant.parse(rs.getString("time_stamp")), text(meta, "principal", "unknown"),
                    text(meta, "traceId", null), text(meta, "clientTraceId", null), text(meta, "correlationId", null),
                    read(rs.getBytes("payload")));
        }, args.toArray()));
    }

    private JsonNode read(byte[] bytes) {
        if (bytes == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
