package io.heliox.atlas.web.scenario;

import io.heliox.atlas.command.application.scenario.ScenarioDatasets;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The contract's scenario fixtures (trend up/down, mean revert, vol cluster low/high, shocky,
 * regime switch) as stored datasets. {@code make gen-scenarios} runs the app with
 * {@code --atlas.command=gen-scenarios}: it stores every fixture (reusing those already stored by
 * hash), prints one line per dataset and exits.
 */
@Component
public class ScenarioFixtures implements ApplicationRunner {

    public static final String COMMAND = "gen-scenarios";
    private static final Logger log = LoggerFactory.getLogger(ScenarioFixtures.class);

    private final ScenarioDatasets datasets;
    private final ConfigurableApplicationContext context;

    public ScenarioFixtures(ScenarioDatasets datasets, ConfigurableApplicationContext context) {
        this.datasets = datasets;
        this.context = context;
    }

    /** Every fixture spec, in file-name order. */
    public static List<ScenarioSpec> specs() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:contracts/fixtures/valid/scenario-dsl/*.json");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<ScenarioSpec> specs = new ArrayList<>();
            for (Resource file : files) {
                specs.add(ScenarioSpec.parse(ContractSchemas.parseStrict(file.getContentAsByteArray())));
            }
            return specs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario fixtures", e);
        }
    }

    public List<ScenarioDatasets.Stored> storeAll() {
        // built-in: owned by no workspace, so every workspace sees them
        return specs().stream().map(spec -> datasets.generateOrFetch(spec, null)).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> command = args.getOptionValues("atlas.command");
        if (command == null || !command.contains(COMMAND)) {
            return;
        }
        for (ScenarioDatasets.Stored stored : storeAll()) {
            String line = String.format("%-18s %s %7d bars  close %.2f..%.2f  %s  %s",
                    stored.manifest().scenarioId(), stored.manifest().scenarioHash().substring(0, 12),
                    stored.manifest().bars(), stored.manifest().minClose(), stored.manifest().maxClose(),
                    stored.generated() ? "generated" : "already stored", stored.objectRef());
            System.out.println(line);
            log.info("scenario dataset {}", line);
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

}
