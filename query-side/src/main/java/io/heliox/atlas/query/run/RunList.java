package io.heliox.atlas.query.run;

import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunStatus;
import io.heliox.atlas.query.Cursor;
import io.heliox.atlas.query.Page;
import io.heliox.atlas.query.ScopedReads;
import io.heliox.atlas.api.workspace.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * The runs history (newest first) from the {@code runs} read model, keyset-paged; only the runs of
 * the caller's scope (row-level security, {@link ScopedReads}).
 */
public class RunList {

    private final ScopedReads reads;

    public RunList(ScopedReads reads) {
        this.reads = reads;
    }

    public Page<RunSummary> page(int limit, Cursor after, Scope scope) {
        JdbcTemplate jdbc = reads.jdbc();
        RowMapper<RunSummary> mapper = (rs, i) -> {
            String phase = rs.getString("current_phase");
            String errorCode = rs.getString("error_code");
            Timestamp finished = rs.getTimestamp("finished_at");
            return new RunSummary(rs.getString("id"), RunStatus.valueOf(rs.getString("status")), rs.getString("prompt"),
                    rs.getLong("seed"), rs.getLong("last_seq"), rs.getTimestamp("created_at").toInstant(),
                    finished == null ? null : finished.toInstant(), phase == null ? null : Phase.fromWire(phase),
                    rs.getLong("last_seq"),
                    errorCode == null ? null : new RunSummary.RunError(Phase.fromWire(rs.getString("error_phase")),
                            errorCode, rs.getString("error_message")));
        };
        List<RunSummary> rows = reads.read(scope, () -> after == null
                ? jdbc.query("select * from runs order by created_at desc, id desc limit ?", mapper, limit + 1)
                : jdbc.query("select * from runs where (created_at, id) < (?, ?) order by created_at desc, id desc limit ?",
                mapper, Timestamp.from(after.at()), after.id(), limit + 1));
        return Page.of(rows, limit, last -> new Cursor(last.createdAt(), UUID.fromString(last.runId())));
    }
}
