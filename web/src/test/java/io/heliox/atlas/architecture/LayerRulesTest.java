package io.heliox.atlas.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layer rules hold for the product, and each one fails on a class that breaks it (the
 * {@code io.heliox.archfixture} classes), so none of them can pass by matching nothing.
 */
class LayerRulesTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.heliox.atlas");
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages("io.heliox.archfixture");
    private static final LayerRules PRODUCT_RULES = new LayerRules("io.heliox.atlas");
    private static final LayerRules BROKEN_RULES = new LayerRules("io.heliox.archfixture");

    @Test
    void theProductIsImportedWhole() {
        // every module's classes: a rule checked against a handful of classes would prove little
        for (String module : new String[]{"api", "kernel", "engine", "trading", "llm", "packaging", "command", "query",
                "web"}) {
            assertThat(PRODUCT.stream().filter(c -> c.getPackageName().startsWith("io.heliox.atlas." + module)))
                    .as(module).isNotEmpty();
        }
    }

    @Test
    void webUsesOnlyTheCommandSidesServices() {
        holdsAndCatches(LayerRules::webUsesOnlyTheCommandSidesServices, "ReachingController", "Worker");
    }

    @Test
    void pureLibrariesKnowNoFramework() {
        holdsAndCatches(LayerRules::pureLibrariesKnowNoFramework, "SpringEngine", "StringUtils", "AxonVenue",
                "MetaData");
    }

    @Test
    void coreApiKnowsNoSpring() {
        holdsAndCatches(LayerRules::coreApiKnowsNoSpring, "SpringEvent", "Assert");
    }

    @Test
    void controllersTalkOnlyToServicesAndGateways() {
        holdsAndCatches(LayerRules::controllersTalkOnlyToServicesAndGateways, "ReachingController", "EventStore");
    }

    @Test
    void packagesFormNoCycles() {
        holdsAndCatches(LayerRules::packagesFormNoCycles, "cycle.a", "cycle.b");
    }

    private static void holdsAndCatches(Function<LayerRules, ArchRule> rule, String... named) {
        rule.apply(PRODUCT_RULES).check(PRODUCT);
        assertThatThrownBy(() -> rule.apply(BROKEN_RULES).check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(named);
    }
}
