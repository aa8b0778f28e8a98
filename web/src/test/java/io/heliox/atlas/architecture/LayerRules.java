package io.heliox.atlas.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layer rules of {@code docs/ARCHITECTURE.md}, written once for a root package: the product's
 * ({@code io.heliox.atlas}) in {@link LayerRulesTest}, and a root of deliberately broken classes to
 * show that each rule can fail.
 */
final class LayerRules {

    private final String root;

    LayerRules(String root) {
        this.root = root;
    }

    /**
     * The HTTP adapter reaches the command side through its application services only; aggregates,
     * workers, nodes and storage stay behind them. {@code web.infra} is the composition root that
     * wires them (processors, the object store), so it may name them.
     */
    ArchRule webUsesOnlyTheCommandSidesServices() {
        return noClasses().that().resideInAPackage(root + ".web..")
                .and().resideOutsideOfPackage(root + ".web.infra..")
                .should().dependOnClassesThat(resideInAPackage(root + ".command..")
                        .and(DescribedPredicate.not(resideInAPackage(root + ".command.application.."))))
                .as("web uses only the command side's application services")
                .allowEmptyShould(true);
    }

    /**
     * The engine, the trading model, the LLM layer, the package format and the kernel are plain
     * Java libraries.
     */
    ArchRule pureLibrariesKnowNoFramework() {
        return noClasses().that().resideInAnyPackage(root + ".engine..", root + ".trading..", root + ".llm..",
                        root + ".packaging..", root + ".kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
                .as("engine, trading, llm, packaging and kernel know neither Spring nor Axon")
                .allowEmptyShould(true);
    }

    /** The domain's language (commands, events, ids) is read by every side and knows no Spring. */
    ArchRule coreApiKnowsNoSpring() {
        return noClasses().that().resideInAPackage(root + ".api..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .as("core-api knows no Spring")
                .allowEmptyShould(true);
    }

    /**
     * A controller parses the request, calls one service, query or gateway, and maps the answer:
     * no event store, no repositories, no SQL, no command-side internals.
     */
    ArchRule controllersTalkOnlyToServicesAndGateways() {
        DescribedPredicate<JavaClass> allowed = resideInAnyPackage(
                "java..", "jakarta.servlet..", "org.slf4j..", "com.fasterxml.jackson..",
                "org.springframework.web..", "org.springframework.http..", "org.springframework.stereotype..",
                "org.springframework.beans.factory..", "org.springframework.boot.info..", "org.springframework.core..",
                "org.springframework.boot.availability..",
                "org.springframework.security.core..", "org.springframework.security.web.context..",
                "org.axonframework.commandhandling.gateway..", "org.axonframework.queryhandling..",
                root + ".web..", root + ".api..", root + ".command.application..", root + ".query..",
                root + ".contracts..", root + ".kernel..", root + ".engine..", root + ".packaging..")
                .as("services, queries, gateways, the domain's types and the web's own helpers");
        return classes().that().areAnnotatedWith(RestController.class)
                .should().onlyDependOnClassesThat(are(allowed))
                .as("controllers talk only to services, queries and gateways")
                .allowEmptyShould(true);
    }

    /** No two packages depend on each other, directly or around a loop. */
    ArchRule packagesFormNoCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("packages form no cycles")
                .allowEmptyShould(true);
    }
}
