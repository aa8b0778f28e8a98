package io.heliox.atlas.web.http.dsl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.engine.dsl.CheckOptions;
import io.heliox.atlas.engine.dsl.DslError;
import io.heliox.atlas.engine.dsl.SchemaGate;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.web.http.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * The DSL check as a service: the UI's editor, the orchestrator and any client can ask "is this
 * strategy valid, and if not, what exactly is wrong and how do I fix it" before spending a run.
 *
 * <p>An invalid strategy is a successful answer (200, {@code valid: false}): the request was
 * understood, the strategy was judged. Only a body that is not JSON at all is a bad request.
 * That is why the body is read without a schema: schema violations are {@code DSL_SCHEMA_INVALID}
 * findings like any other, not a 400.
 */
@RestController
public class DslController {

    private final StrategyValidator validator;
    private final RequestBodies bodies;

    public DslController(SchemaGate strategySchema, RequestBodies bodies) {
        this.validator = new StrategyValidator(strategySchema, CheckOptions.DEFAULTS);
        this.bodies = bodies;
    }

    @PostMapping(path = "/api/v1/dsl/validate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode validate(HttpServletRequest request) {
        Validation verdict = validator.validate(bodies.readJson(request));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("valid", verdict.valid());
        ArrayNode errors = body.putArray("errors");
        verdict.errors().forEach(error -> errors.add(toJson(error)));
        body.put("irHash", verdict.irHash());
        body.set("normalized", verdict.normalized() == null ? JsonNodeFactory.instance.nullNode() : verdict.normalized());
        return body;
    }

    /** One DSL error as the contract spells it (code, subCode, message, loc, hint); also used in problem bodies. */
    public static ObjectNode toJson(DslError error) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("code", error.code().name());
        out.put("subCode", error.subCode().name());
        out.put("message", error.message());
        ObjectNode loc = out.putObject("loc");
        loc.put("path", error.loc().path());
        loc.put("offset", error.loc().offset());
        loc.put("length", error.loc().length());
        out.put("hint", error.hint());
        return out;
    }
}
