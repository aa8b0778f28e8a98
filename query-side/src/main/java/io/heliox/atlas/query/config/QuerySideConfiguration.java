package io.heliox.atlas.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.query.DatabaseCheck;
import io.heliox.atlas.query.audit.AuditLog;
import io.heliox.atlas.query.portfolio.PortfolioList;
import io.heliox.atlas.query.portfolio.PortfolioProjection;
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
    public RunEventReader runEventReader(EventStore eventStore) {
        return new RunEventReader(eventStore);
    }

    @Bean
    public RunList runList(JdbcTemplate jdbc) {
        return new RunList(jdbc);
    }

    @Bean
    public PortfolioList portfolioList(JdbcTemplate jdbc) {
        return new PortfolioList(jdbc, json);
    }

    @Bean
    public AuditLog auditLog(JdbcTemplate jdbc) {
        return new AuditLog(jdbc, json);
    }

    @Bean(destroyMethod = "close")
    public EventAppendedNotifier eventAppendedNotifier(DataSource dataSource) {
        return new EventAppendedNotifier(dataSource);
    }
}
