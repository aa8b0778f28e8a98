package io.heliox.atlas.command;

import io.heliox.atlas.api.usage.Quota;
import io.heliox.atlas.api.usage.Quotas;
import io.heliox.atlas.command.application.RunStartService;
import io.heliox.atlas.command.application.usage.RunAdmission;
import io.heliox.atlas.command.application.usage.RunSlotRelease;
import io.heliox.atlas.command.application.usage.RunMeters;
import io.heliox.atlas.command.application.usage.PendingBacktestBars;
import io.heliox.atlas.command.application.usage.UsageMeter;
import io.heliox.atlas.command.ownership.AggregateOwners;
import io.heliox.atlas.command.application.trading.PaperSessionService;
import io.heliox.atlas.command.trading.KillSwitchFanOut;
import io.heliox.atlas.command.trading.PaperSession;
import io.heliox.atlas.command.trading.PaperSessionDriver;
import io.heliox.atlas.command.usage.WorkspaceUsage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.core.env.Environment;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import io.heliox.atlas.api.run.RunLinks;
import io.heliox.atlas.command.application.OrchService;
import io.heliox.atlas.command.application.PackageService;
import io.heliox.atlas.command.application.PortfolioService;
import io.heliox.atlas.command.application.RunCancelService;
import io.heliox.atlas.command.application.RunResultsService;
import io.heliox.atlas.command.application.backtest.BacktestResults;
import io.heliox.atlas.command.application.backtest.EngineBacktests;
import io.heliox.atlas.command.application.backtest.WriteBehind;
import io.heliox.atlas.command.application.identity.AccountAuditTrail;
import io.heliox.atlas.command.application.identity.AdministratorBootstrap;
import io.heliox.atlas.command.application.identity.IdentityService;
import io.heliox.atlas.command.application.workspace.WorkspaceAccess;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import io.heliox.atlas.command.application.scenario.ScenarioDatasets;
import io.heliox.atlas.command.orch.ArchitectNode;
import io.heliox.atlas.command.orch.SynthNode;
import io.heliox.atlas.command.orch.T0Evaluation;
import io.heliox.atlas.command.pack.RunPackages;
import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.command.storage.ObjectStoreReplayCache;
import io.heliox.atlas.command.worker.EnginePhaseNodes;
import io.heliox.atlas.command.worker.LlmPhaseNodes;
import io.heliox.atlas.command.worker.MockPhaseNodes;
import io.heliox.atlas.command.worker.PhaseNode;
import io.heliox.atlas.command.worker.RunWorker;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.engine.dsl.SchemaGate;
import io.heliox.atlas.llm.LlmProvider;
import io.heliox.atlas.llm.LlmRouter;
import io.heliox.atlas.llm.guard.SecretMasker;
import io.heliox.atlas.llm.local.LocalModel;
import io.heliox.atlas.llm.prompt.PromptTemplates;
import io.heliox.atlas.llm.settings.LlmSettings;
import io.heliox.atlas.packaging.PackageSigningKeys;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
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

    /** The StrategyDSL contract schema as the DSL validator's first gate. */
    @Bean
    public SchemaGate strategySchema(ContractSchemas contracts) {
        return document -> contracts.validate(ContractSchemas.STRATEGY_DSL, document).stream()
                .map(v -> SchemaGate.violation(v.pointer(), v.message(), v.keyword()))
                .toList();
    }

    @Bean
    public PromptTemplates promptTemplates() {
        return new PromptTemplates();
    }

    /** Masks the values of this process's secret-looking environment variables (and credential shapes). */
    @Bean
    public SecretMasker secretMasker() {
        return SecretMasker.fromSystemEnvironment();
    }

    /** Remote providers switched on by the environment (none by default), then the local model. */
    @Bean
    @ConditionalOnMissingBean
    public LlmProvider llmProvider(ObjectStore store) {
        LlmRouter router = LlmSettings.router(System.getenv(), LlmRouter.Resilience.DEFAULTS, new ObjectStoreReplayCache(store));
        org.slf4j.LoggerFactory.getLogger(CommandSideConfiguration.class).info("LLM routing: {}", router.order());
        return router;
    }

    @Bean
    public ArchitectNode architectNode(LlmProvider provider, PromptTemplates templates, ContractSchemas contracts,
                                       SecretMasker masker) {
        return new ArchitectNode(provider, LocalModel.MODEL_ID, templates, contracts, masker);
    }

    @Bean
    public SynthNode synthNode(LlmProvider provider, PromptTemplates templates, ContractSchemas contracts,
                               SchemaGate strategySchema, SecretMasker masker) {
        return new SynthNode(provider, LocalModel.MODEL_ID, templates, contracts, strategySchema, masker);
    }

    @Bean
    public T0Evaluation t0Evaluation(EngineBacktests engine) {
        return new T0Evaluation(engine);
    }

    /**
     * The package signing key: generated on first start into {@code <data-dir>/keys/} (the project's
     * {@code var/} by default) and kept; packages signed with it verify for as long as it is kept.
     */
    @Bean
    public PackageSigningKeys packageSigningKeys(@Value("${atlas.data-dir:var}") String dataDir) {
        PackageSigningKeys keys = PackageSigningKeys.loadOrCreate(Path.of(dataDir, "keys"));
        org.slf4j.LoggerFactory.getLogger(CommandSideConfiguration.class).info("package signing key {}", keys.keyId());
        return keys;
    }

    @Bean
    public RunPackages runPackages(ObjectStore store, PackageSigningKeys keys, SchemaGate strategySchema, RunLinks links) {
        return new RunPackages(store, keys, strategySchema, links);
    }

    @Bean
    @ConditionalOnMissingBean
    public PhaseNode phaseNode(ArchitectNode architect, SynthNode synth, T0Evaluation t0, RunPackages packages,
                               ObjectStore store, RunLinks links, Clock clock, UsageMeter usage, AggregateOwners owners) {
        RunMeters meters = new RunMeters(usage, owners);
        return new LlmPhaseNodes(architect, synth, new EnginePhaseNodes(t0, packages, store, links, meters),
                new MockPhaseNodes(links), store, clock, meters);
    }

    @Bean
    public ScenarioDatasets scenarioDatasets(ObjectStore store, JdbcTemplate jdbc, UsageMeter usage, Clock clock) {
        return new ScenarioDatasets(store, jdbc, usage, clock);
    }

    /** Two writers (object-store round trips overlap), 256 queued writes before callers write themselves. */
    @Bean(destroyMethod = "close")
    public WriteBehind backtestWriteBehind() {
        return new WriteBehind(2, 256);
    }

    /** Results kept in memory besides object storage: 64 MB holds ~80 results of 50k bars. */
    @Bean
    public BacktestResults backtestResults(ObjectStore store, JdbcTemplate jdbc, Clock clock, WriteBehind writer) {
        return new BacktestResults(store, jdbc, clock, 64L << 20, writer);
    }

    /** One computation per core; a request waits up to 30 s for a slot, then gets a 503. */
    @Bean
    public EngineBacktests engineBacktests(ScenarioDatasets datasets, BacktestResults results, SchemaGate strategySchema,
                                           WriteBehind writer) {
        return new EngineBacktests(datasets, results, strategySchema, Runtime.getRuntime().availableProcessors(), 30_000,
                writer);
    }

    @Bean
    public RunWorker runWorker(CommandGateway commands, EventStore eventStore, PhaseNode nodes,
                               ContractSchemas contracts, UsageMeter usage, AggregateOwners owners, Clock clock) {
        return new RunWorker(commands, eventStore, nodes, contracts, new RunSlotRelease(usage, owners), clock);
    }

    @Bean
    public PackageService packageService(EventStore eventStore, RunPackages packages, PackageSigningKeys keys, Clock clock) {
        return new PackageService(eventStore, packages, keys, clock);
    }

    @Bean
    public RunResultsService runResultsService(EventStore eventStore, EngineBacktests engine) {
        return new RunResultsService(eventStore, engine);
    }

    @Bean
    public PortfolioService portfolioService(CommandGateway commands, EventStore eventStore, RunPackages packages,
                                             Clock clock) {
        return new PortfolioService(commands, eventStore, packages, clock);
    }

    /** bcrypt at cost 10: tens of milliseconds per check, which is what a password deserves. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    public IdentityService identityService(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                           CommandGateway commands, PasswordEncoder passwords, Clock clock) {
        return new IdentityService(jdbc, new TransactionTemplate(transactions), new AccountAuditTrail(commands),
                passwords, clock);
    }

    @Bean
    public AdministratorBootstrap administratorBootstrap(IdentityService identity, JdbcTemplate jdbc,
                                                         PlatformTransactionManager transactions) {
        return new AdministratorBootstrap(identity, jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    public WorkspaceService workspaceService(CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        return new WorkspaceService(commands, jdbc, clock);
    }

    /** The command bus's workspace gate; the composition root registers it on the bus. */
    @Bean
    public WorkspaceAccess workspaceAccess(WorkspaceService workspaces, JdbcTemplate jdbc, AggregateOwners owners) {
        return new WorkspaceAccess(workspaces, jdbc, owners);
    }

    @Bean
    public AggregateOwners aggregateOwners(JdbcTemplate jdbc) {
        return new AggregateOwners(jdbc);
    }

    /** The engine API's bars, waiting to be recorded in batches. */
    @Bean
    public PendingBacktestBars pendingBacktestBars(JdbcTemplate jdbc, CommandGateway commands,
                                                   org.axonframework.common.transaction.TransactionManager transactions) {
        return new PendingBacktestBars(jdbc, commands, transactions);
    }

    /** The installation's quotas ({@code atlas.quotas.*}, {@code ATLAS_QUOTA_*}): each workspace's unless it set its own. */
    @Bean(destroyMethod = "close")
    public UsageMeter usageMeter(CommandGateway commands, Environment env, Clock clock) {
        Map<Quota, Long> defaults = new EnumMap<>(Quota.class);
        for (Quota quota : Quota.values()) {
            String key = "atlas.quotas." + quota.wireName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            defaults.put(quota, env.getRequiredProperty(key, Long.class));
        }
        return new UsageMeter(commands, new Quotas(defaults), clock);
    }

    /**
     * The usage ledger's stream grows with every run and model call: loaded from a snapshot taken
     * every {@code atlas.usage.snapshot-every} events (200), it stays short.
     */
    @Bean(WorkspaceUsage.SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition workspaceUsageSnapshots(Snapshotter snapshotter,
                                                             @Value("${atlas.usage.snapshot-every:200}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    /**
     * Ledgers kept in memory between commands. Safe across nodes: a ledger another node appended to
     * makes this node's next append conflict; the unit of work's rollback evicts it, and the command
     * is tried again (RaceRetry) on the stream as it is.
     */
    @Bean(WorkspaceUsage.CACHE)
    public Cache workspaceUsageCache() {
        return new WeakReferenceCache();
    }

    /**
     * Paper sessions stay in memory between their bars: loading one from its events would run every
     * bar it has taken again. A session the cache dropped is rebuilt from its events, to the same state.
     */
    @Bean(PaperSession.CACHE)
    public Cache paperSessionCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public PaperSessionService paperSessionService(CommandGateway commands, EventStore eventStore,
                                                   PackageService packages, KillSwitchFanOut killSwitches,
                                                   JdbcTemplate jdbc, Clock clock) {
        return new PaperSessionService(commands, eventStore, packages, killSwitches, jdbc, clock);
    }

    @Bean
    public KillSwitchFanOut killSwitchFanOut(CommandGateway commands, JdbcTemplate jdbc) {
        return new KillSwitchFanOut(commands, jdbc);
    }

    @Bean(destroyMethod = "close")
    public PaperSessionDriver paperSessionDriver(CommandGateway commands, JdbcTemplate jdbc, Clock clock,
                                                 org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters,
                                                 @org.springframework.beans.factory.annotation.Value("${atlas.paper.feed-threads:2}") int threads) {
        return new PaperSessionDriver(commands, jdbc, clock,
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new), threads);
    }

    /** Sessions that were running when the node stopped go on once it is ready (its processors started). */
    @Bean
    public org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent>
            paperSessionsResume(PaperSessionDriver driver, KillSwitchFanOut killSwitches) {
        return ready -> {
            killSwitches.reapply(); // before their next bar: a switch a crash cut short reaches them first
            driver.resume();
        };
    }

    @Bean
    public RunAdmission runAdmission(UsageMeter usage) {
        return new RunAdmission(usage);
    }

    @Bean
    public RunStartService runStartService(CommandGateway commands) {
        return new RunStartService(commands);
    }

    @Bean
    public OrchService orchService(ArchitectNode architect, SynthNode synth, UsageMeter usage, Clock clock,
                                   @Value("${atlas.runs.tokens-limit:10000}") long tokensLimit,
                                   @Value("${atlas.runs.time-ms-limit:60000}") long timeMsLimit) {
        return new OrchService(architect, synth, usage, new OrchService.Budget(tokensLimit, timeMsLimit), clock);
    }

    @Bean
    public RunCancelService runCancelService(CommandGateway commands, EventStore eventStore, Clock clock) {
        return new RunCancelService(commands, eventStore, clock);
    }
}
