package io.heliox.atlas.command;

import io.heliox.atlas.command.scenario.ScenarioDatasets;
import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.command.worker.MockPhaseNodes;
import io.heliox.atlas.command.worker.PhaseNode;
import io.heliox.atlas.command.worker.RunWorker;
import io.heliox.atlas.contracts.ContractSchemas;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** Wires the phase worker and its nodes. Aggregates are found by Axon through {@code @Aggregate}. */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public ContractSchemas contractSchemas() {
        return new ContractSchemas();
    }

    @Bean
    @ConditionalOnMissingBean
    public PhaseNode phaseNode() {
        return new MockPhaseNodes();
    }

    @Bean
    public ScenarioDatasets scenarioDatasets(ObjectStore store, JdbcTemplate jdbc, Clock clock) {
        return new ScenarioDatasets(store, jdbc, clock);
    }

    @Bean
    public RunWorker runWorker(CommandGateway commands, EventStore eventStore, PhaseNode nodes,
                               ContractSchemas contracts, Clock clock) {
        return new RunWorker(commands, eventStore, nodes, contracts, clock);
    }
}
