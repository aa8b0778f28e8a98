package io.heliox.atlas.command.orch;

import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.engine.dsl.SchemaGate;
import io.heliox.atlas.llm.LlmProvider;
import io.heliox.atlas.llm.guard.SecretMasker;
import io.heliox.atlas.llm.local.LocalModel;
import io.heliox.atlas.llm.prompt.PromptTemplates;

import java.util.Map;

/** Architect and synth nodes wired as production wires them, on a given model and environment. */
final class Nodes {

    static final ContractSchemas SCHEMAS = new ContractSchemas();
    static final PromptTemplates TEMPLATES = new PromptTemplates();
    static final SchemaGate STRATEGY_SCHEMA = document -> SCHEMAS.validate(ContractSchemas.STRATEGY_DSL, document).stream()
            .map(v -> SchemaGate.violation(v.pointer(), v.message(), v.keyword())).toList();

    final ArchitectNode architect;
    final SynthNode synth;

    Nodes(LlmProvider model, Map<String, String> environment) {
        SecretMasker masker = new SecretMasker(environment);
        this.architect = new ArchitectNode(model, LocalModel.MODEL_ID, TEMPLATES, SCHEMAS, masker);
        this.synth = new SynthNode(model, LocalModel.MODEL_ID, TEMPLATES, SCHEMAS, STRATEGY_SCHEMA, masker);
    }

    static Nodes local() {
        return new Nodes(new LocalModel(), Map.of());
    }
}
