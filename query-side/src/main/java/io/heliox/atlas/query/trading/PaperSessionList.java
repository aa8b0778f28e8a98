package io.heliox.atlas.query.trading;

import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.query.ScopedReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads {@code paper_sessions}, newest first; only the scope's rows (row-level security, V18). */
public class PaperSessionList {

    private static final RowMapper<PaperSessionView> ROW = (rs, i) -> {
        Timestamp stopped = rs.getTimestamp("stopped_at");
        return new PaperSessionView((UUID) rs.getObject("id"), rs.getString("account_id"), rs.getString("instrument"),
                rs.getString("principal"), rs.getString("status"), rs.getString("state"), rs.getInt("next_bar"),
                rs.getInt("bars_total"), rs.getInt("bar_every_ms"), rs.getBigDecimal("equity"), rs.getBigDecimal("position"),
                rs.getInt("fills"), rs.getTimestamp("started_at").toInstant(), stopped == null ? null : stopped.toInstant(),
                rs.getString("stop_reason"));
    };

    private final ScopedReads reads;
    private final JdbcTemplate jdbc;

    public PaperSessionList(ScopedReads reads) {
        this.reads = reads;
        this.jdbc = reads.jdbc();
    }

    public List<PaperSessionView> all(Scope scope) {
        return reads.read(scope, () -> jdbc.query("select * from paper_sessions order by started_at desc, id desc", ROW));
    }

    public Optional<PaperSessionView> find(UUID id, Scope scope) {
        return reads.read(scope, () -> jdbc.query("select * from paper_sessions where id = ?", ROW, id))
                .stream().findFirst();
    }
}
