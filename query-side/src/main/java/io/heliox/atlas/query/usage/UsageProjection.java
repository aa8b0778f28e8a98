package io.heliox.atlas.query.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.usage.BillingCustomerSetEvent;
import io.heliox.atlas.api.usage.Meter;
import io.heliox.atlas.api.usage.QuotasSetEvent;
import io.heliox.atlas.api.usage.RunAdmittedEvent;
import io.heliox.atlas.api.usage.RunReleasedEvent;
import io.heliox.atlas.api.usage.UsageRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Projects each workspace's usage ledger into {@code workspace_usage} (its quotas and what it
 * holds) and {@code usage_ledger} (quantities per day, meter, provider and model). A subscribing
 * processor: the rows change in the transaction that decided the usage, so the quotas page and the
 * invoice lines are exact the moment a command returns, on every node.
 */
@ProcessingGroup(UsageProjection.PROCESSING_GROUP)
public class UsageProjection {

    public static final String PROCESSING_GROUP = "usage-projection";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public UsageProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(QuotasSetEvent event) {
        ObjectNode quotas = json.createObjectNode();
        event.quotas().limits().forEach((quota, limit) -> quotas.put(quota.wireName(), limit));
        ensureRow(event.workspaceId(), event.at());
        jdbc.update("update workspace_usage set quotas = ?::jsonb, updated_at = ? where workspace_id = ?",
                quotas.toString(), Timestamp.from(event.at()), event.workspaceId());
    }

    @EventHandler
    void on(BillingCustomerSetEvent event) {
        ensureRow(event.workspaceId(), event.at());
        jdbc.update("update workspace_usage set billing_customer = ?, updated_at = ? where workspace_id = ?",
                event.customerId(), Timestamp.from(event.at()), event.workspaceId());
    }

    @EventHandler
    void on(RunAdmittedEvent event) {
        ensureRow(event.workspaceId(), event.at());
        jdbc.update("update workspace_usage set runs_in_flight = runs_in_flight + 1, updated_at = ? where workspace_id = ?",
                Timestamp.from(event.at()), event.workspaceId());
        add(event.workspaceId(), event.day(), Meter.RUNS, "", "", 1);
    }

    @EventHandler
    void on(RunReleasedEvent event) {
        if (!event.freedSlot()) {
            return;
        }
        jdbc.update("""
                update workspace_usage set runs_in_flight = greatest(runs_in_flight - 1, 0), updated_at = ?
                where workspace_id = ?""", Timestamp.from(event.at()), event.workspaceId());
    }

    @EventHandler
    void on(UsageRecordedEvent event) {
        if (event.quantity() == 0) {
            return; // a call that failed before answering: its reservation is freed, nothing was used
        }
        ensureRow(event.workspaceId(), event.at());
        String column = switch (event.meter()) {
            case STORAGE_BYTES -> "storage_bytes";
            case SCENARIO_BARS -> "scenario_bars_stored";
            default -> null;
        };
        if (column != null) {
            jdbc.update("update workspace_usage set " + column + " = " + column + " + ?, updated_at = ? where workspace_id = ?",
                    event.quantity(), Timestamp.from(event.at()), event.workspaceId());
        }
        add(event.workspaceId(), event.day(), event.meter(), event.provider(), event.model(), event.quantity());
    }

    private void ensureRow(UUID workspace, Instant at) {
        jdbc.update("insert into workspace_usage (workspace_id, updated_at) values (?, ?) on conflict do nothing",
                workspace, Timestamp.from(at));
    }

    private void add(UUID workspace, LocalDate day, Meter meter, String provider, String model, long quantity) {
        jdbc.update("""
                insert into usage_ledger (workspace_id, day, meter, provider, model, quantity) values (?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, day, meter, provider, model)
                do update set quantity = usage_ledger.quantity + excluded.quantity""",
                workspace, Date.valueOf(day), meter.wireName(), provider, model, quantity);
    }
}
