package io.heliox.atlas.command.application.usage;

import io.heliox.atlas.api.usage.RecordBacktestBarsCommand;
import io.heliox.atlas.command.application.workspace.WorkspaceAccess;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.heliox.atlas.api.usage.UsageCommand.usageId;

/**
 * The engine API's bars, metered in batches. A backtest over HTTP may take 15 ms; a command to the
 * workspace's ledger (load, decide, append, project) costs about as much CPU again, and on a small
 * machine that is latency for every request, even when sent after the answer. Bars have no quota,
 * so nothing needs deciding before the answer: a request adds a row here (one insert), and
 * {@link #flush()} records the rows, one {@link RecordBacktestBarsCommand} per workspace,
 * principal and UTC day, in one transaction with their deletion, so each row counts exactly once
 * even when a node dies mid-way (the rows stay, the next flush takes them). Nodes flushing at the
 * same time take disjoint rows ({@code for update skip locked}).
 */
public class PendingBacktestBars {

    /** Rows one flush takes: bounds its transaction; the next flush takes the rest. */
    public static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final TransactionManager transactions;

    public PendingBacktestBars(JdbcTemplate jdbc, CommandGateway commands, TransactionManager transactions) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.transactions = transactions;
    }

    /** Leaves {@code bars} simulated at {@code at} on behalf of {@code principal} to be recorded. */
    public void add(UUID workspace, long bars, Instant at, String principal) {
        jdbc.update("insert into backtest_bars_pending (workspace_id, bars, at, principal) values (?, ?, ?, ?)",
                workspace, bars, Timestamp.from(at), principal);
    }

    private record Row(long id, UUID workspace, long bars, Instant at, String principal) {
    }

    private record Group(UUID workspace, String principal, LocalDate day) {
    }

    private static final class Batch {
        long firstId = Long.MAX_VALUE;
        long lastId;
        long bars;
        Instant lastAt = Instant.EPOCH;

        void add(Row row) {
            firstId = Math.min(firstId, row.id());
            lastId = Math.max(lastId, row.id());
            bars += row.bars();
            lastAt = row.at().isAfter(lastAt) ? row.at() : lastAt;
        }
    }

    /**
     * Records up to {@value #BATCH} waiting rows and deletes them, all in one unit of work (one
     * transaction); a failure (another node appended to a ledger first) leaves every row for the
     * next flush.
     *
     * @return the rows recorded
     */
    public int flush() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<Integer> recorded = unitOfWork.executeWithResult(this::recordWaitingRows);
        if (recorded.isExceptional()) {
            Throwable failure = recorded.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("recording the engine's bars failed", failure);
        }
        return recorded.getPayload();
    }

    private int recordWaitingRows() {
        List<Row> rows = jdbc.query("""
                select id, workspace_id, bars, at, principal from backtest_bars_pending
                order by id limit ? for update skip locked""",
                (rs, i) -> new Row(rs.getLong("id"), rs.getObject("workspace_id", UUID.class), rs.getLong("bars"),
                        rs.getTimestamp("at").toInstant(), rs.getString("principal")), BATCH);
        if (rows.isEmpty()) {
            return 0;
        }
        Map<Group, Batch> batches = new LinkedHashMap<>();
        for (Row row : rows) {
            batches.computeIfAbsent(new Group(row.workspace(), row.principal(), LocalDate.ofInstant(row.at(), ZoneOffset.UTC)),
                    group -> new Batch()).add(row);
        }
        batches.forEach((group, batch) -> {
            // the key names the rows, so the ledger's record says which requests it sums
            String key = "engine:" + batch.firstId + "-" + batch.lastId;
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordBacktestBarsCommand(
                    usageId(group.workspace()), group.workspace(), key, "engine", batch.bars, group.day(), batch.lastAt))
                    .andMetaData(MetaData.with(WorkspaceAccess.PRINCIPAL, group.principal())));
        });
        jdbc.batchUpdate("delete from backtest_bars_pending where id = ?", rows, rows.size(),
                (statement, row) -> statement.setLong(1, row.id()));
        return rows.size();
    }
}
