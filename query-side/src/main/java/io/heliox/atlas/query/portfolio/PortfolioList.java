package io.heliox.atlas.query.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.query.Cursor;
import io.heliox.atlas.query.Page;
import io.heliox.atlas.query.ScopedReads;
import io.heliox.atlas.api.workspace.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the {@code portfolio_items} read model, newest first, keyset-paged; only the scope's rows. */
public class PortfolioList {

    private final ScopedReads reads;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<PortfolioItemView> mapper;

    public PortfolioList(ScopedReads reads, ObjectMapper json) {
        this.reads = reads;
        this.jdbc = reads.jdbc();
        this.json = json;
        this.mapper = (rs, i) -> new PortfolioItemView(UUID.fromString(rs.getString("id")), rs.getString("name"),
                parse(rs.getString("strategy")), (UUID) rs.getObject("run_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("package_ref") == null ? null : parse(rs.getString("package_ref")));
    }

    public Page<PortfolioItemView> page(int limit, Cursor after, Scope scope) {
        List<PortfolioItemView> rows = reads.read(scope, () -> after == null
                ? jdbc.query("select * from portfolio_items order by created_at desc, id desc limit ?", mapper, limit + 1)
                : jdbc.query("""
                        select * from portfolio_items where (created_at, id) < (?, ?)
                        order by created_at desc, id desc limit ?""",
                mapper, Timestamp.from(after.at()), after.id(), limit + 1));
        return Page.of(rows, limit, last -> new Cursor(last.createdAt(), last.id()));
    }

    public Optional<PortfolioItemView> find(UUID id, Scope scope) {
        return reads.read(scope, () -> jdbc.query("select * from portfolio_items where id = ?", mapper, id))
                .stream().findFirst();
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("portfolio_items.strategy is not JSON", e);
        }
    }
}
