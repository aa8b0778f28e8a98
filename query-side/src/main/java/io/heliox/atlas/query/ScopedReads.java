package io.heliox.atlas.query;

import io.heliox.atlas.api.workspace.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.function.Supplier;

/**
 * Runs read-model queries under PostgreSQL row-level security: in a read-only transaction whose role
 * is {@code atlas_reader} and whose {@code atlas.scope} is the caller's scope (both local to the
 * transaction, so a pooled connection goes back as it came). The policies of migration V12 then
 * show only the scope's rows, whatever the query says: a reader that forgot its workspace filter
 * cannot leak another workspace's items.
 */
public class ScopedReads {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ScopedReads(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        // its own JDBC transactions (the application's transaction manager is JPA's, heavier per read)
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transactions.setReadOnly(true);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The JdbcTemplate whose queries, inside {@link #read}, are bound by the scope. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public <T> T read(Scope scope, Supplier<T> query) {
        return transactions.execute(status -> {
            jdbc.queryForObject("select set_config('role', 'atlas_reader', true), set_config('atlas.scope', ?, true)",
                    (rs, i) -> null, scope.setting());
            return query.get();
        });
    }
}
