package io.heliox.atlas.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.query.DatabaseCheck;
import io.heliox.atlas.query.ScopedReads;
import io.heliox.atlas.query.usage.UsageLedger;
import io.heliox.atlas.query.usage.UsageProjection;
import io.heliox.atlas.query.workspace.WorkspaceProjection;
import io.heliox.atlas.query.audit.AuditLog;
import io.heliox.atlas.query.portfolio.PortfolioList;
import io.heliox.atlas.query.portfolio.PortfolioProjection;
import io.heliox.atlas.query.trading.KillSwitchList;
import io.heliox.atlas.query.trading.PaperSessionList;
import io.heliox.atlas.query.trading.PaperSessionLog;
import io.heliox.atlas.query.trading.PaperSessionProjection;
import io.heliox.atlas.query.run.EventAppendedNotifier;
import io.heliox.atlas.query.run.RunEventReader;
import io.heliox.atlas.query.run.RunList;
import io.heliox.atlas.query.run.RunProjection;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** Projections, read-model queries and the run-event reader. */
@Configuration(proxyBeanMethods = false)
public class QuerySideConfiguration {

    private final ObjectMapper json = new ObjectMapper();

    @Bean
    public DatabaseCheck databaseCheck(JdbcTemplate jdbc) {
        return new DatabaseCheck(jdbc);
    }

    @Bean
    public RunProjection runProjection(JdbcTemplate jdbc) {
        return new RunProjection(jdbc);
    }

    @Bean
    public PortfolioProjection portfolioProjection(JdbcTemplate jdbc) {
        return new PortfolioProjection(jdbc);
    }

    @Bean
    public PaperSessionProjection paperSessionProjection(JdbcTemplate jdbc) {
        return new PaperSessionProjection(jdbc);
    }

    @Bean
    public PaperSessionList paperSessionList(ScopedReads reads) {
        return new PaperSessionList(reads);
    }

    @Bean
    public KillSwitchList killSwitchList(ScopedReads reads) {
        return new KillSwitchList(reads);
    }

    @Bean
    public PaperSessionLog paperSessionLog(EventStore eventStore) {
        return new PaperSessionLog(eventStore);
    }

    @Bean
    public WorkspaceProjection workspaceProjection(JdbcTemplate jdbc) {
        return new WorkspaceProjection(jdbc);
    }

    @Bean
    public UsageProjection usageProjection(JdbcTemplate jdbc) {
        return new UsageProjection(jdbc, json);
    }

    @Bean
    public UsageLedger usageLedger(ScopedReads reads) {
        return new UsageLedger(reads, json);
    }

    @Bean
    public ScopedReads scopedReads(DataSource dataSource) {
        return new ScopedReads(dataSource);
    }

    @Bean
    public RunEventReader runEventReader(EventStore eventStore) {
        return new RunEventReader(eventStore);
    }

    @Bean
    public RunList runList(ScopedReads reads) {
        return new RunList(reads);
    }

    @Bean
    public PortfolioList portfolioList(ScopedReads reads) {
        return new PortfolioList(reads, json);
    }

    @Bean
    public AuditLog auditLog(ScopedReads reads) {
        return new AuditLog(reads, json);
    }

    @Bean(destroyMethod = "close")
    public EventAppendedNotifier eventAppendedNotifier(DataSource dataSource) {
        return new EventAppendedNotifier(dataSource);
    }
}
