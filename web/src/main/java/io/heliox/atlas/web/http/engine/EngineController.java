package io.heliox.atlas.web.http.engine;

import io.heliox.atlas.web.caller.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.backtest.BacktestRejected;
import io.heliox.atlas.command.application.usage.PendingBacktestBars;
import io.heliox.atlas.command.application.backtest.EngineBacktests;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.engine.backtest.BacktestSpec;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.engine.execution.OrderType;
import io.heliox.atlas.web.http.ApiProblem;
import io.heliox.atlas.web.http.RequestBodies;
import io.heliox.atlas.web.http.dsl.DslController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The backtest engine over HTTP (engine/BACKTEST.md, "Service"): {@code POST /api/v1/engine/t0}
 * and {@code /t1}. The body is checked against engine-backtest-request.schema.json, the inline
 * scenario against scenario-dsl.schema.json, the strategy by the DSL validator (its errors come
 * back as {@code dslErrors}, the DSL taxonomy). The answer is written from the stored result's
 * files, so a computed and a cached answer are the same bytes but for {@code used_cache}.
 */
@RestController
public class EngineController {

    private final EngineBacktests backtests;
    private final ContractSchemas contracts;
    private final RequestBodies bodies;
    private final EngineResponses responses;
    private final PendingBacktestBars pendingBars;
    private final Clock clock;

    public EngineController(EngineBacktests backtests, ContractSchemas contracts, RequestBodies bodies,
                            EngineResponses responses, PendingBacktestBars pendingBars, Clock clock) {
        this.pendingBars = pendingBars;
        this.clock = clock;
        this.backtests = backtests;
        this.contracts = contracts;
        this.bodies = bodies;
        this.responses = responses;
    }

    @PostMapping(path = "/api/v1/engine/t0", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> t0(HttpServletRequest request, Caller caller) {
        return run(EngineBacktests.Tier.QUICK, request, caller);
    }

    @PostMapping(path = "/api/v1/engine/t1", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> t1(HttpServletRequest request, Caller caller) {
        return run(EngineBacktests.Tier.FULL, request, caller);
    }

    private ResponseEntity<byte[]> run(EngineBacktests.Tier tier, HttpServletRequest request, Caller caller) {
        JsonNode body = bodies.read(request, ContractSchemas.ENGINE_BACKTEST_REQUEST);
        EngineBacktests.Market market = market(body, caller);
        BacktestSpec spec = spec(body);
        EngineBacktests.Outcome outcome;
        try {
            outcome = backtests.run(tier, body.get("strategy"), market, spec);
        } catch (BacktestRejected e) {
            throw rejected(e);
        } catch (EngineBacktests.Busy e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "engine-busy", "Engine busy", e.getMessage(), List.of());
        }
        long metering = System.nanoTime();
        if (outcome.simulatedBars() > 0 && caller.workspaceId() != null) {
            // recorded on the ledger after the answer, in batches (PendingBacktestBars says why)
            pendingBars.add(caller.workspaceId(), outcome.simulatedBars(), clock.instant(), caller.principal().username());
        }
        long answering = System.nanoTime();
        byte[] answer = responses.write(tier, outcome.result());
        StringBuilder timing = new StringBuilder();
        outcome.timings().forEach((stage, ms) -> timing.append(String.format(Locale.ROOT, "%s;dur=%.1f, ", stage, ms)));
        timing.append(String.format(Locale.ROOT, "meter;dur=%.1f, ", (answering - metering) / 1e6));
        timing.append(String.format(Locale.ROOT, "answer;dur=%.1f", (System.nanoTime() - answering) / 1e6));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Server-Timing", timing.toString())
                .body(answer);
    }

    private EngineBacktests.Market market(JsonNode body, Caller caller) {
        JsonNode inline = body.get("scenario");
        if (inline != null) {
            List<Violation> violations = contracts.validate(ContractSchemas.SCENARIO_DSL, inline).stream()
                    .map(v -> new Violation("/scenario" + v.pointer(), v.message(), v.keyword()))
                    .toList();
            if (!violations.isEmpty()) {
                throw ApiProblem.invalidBody(violations);
            }
            return new EngineBacktests.Inline(inline);
        }
        JsonNode ref = body.get("scenario_ref");
        return new EngineBacktests.Reference(ref.get("id").asText(), ref.hasNonNull("hash") ? ref.get("hash").asText() : null,
                caller.scope());
    }

    /** Defaults are the ones the request schema states. */
    private static BacktestSpec spec(JsonNode body) {
        JsonNode entry = body.path("entry");
        JsonNode mc = body.get("monte_carlo");
        JsonNode wf = body.get("walk_forward");
        try {
            ExecutionConfig execution = new ExecutionConfig(
                    body.path("initial_cash").asDouble(100_000),
                    body.path("fees_bps").asDouble(0),
                    body.path("slippage_bps").asDouble(0),
                    body.path("slippage_k_vol").asDouble(0),
                    body.path("vol_window").asInt(ExecutionConfig.DEFAULT_VOL_WINDOW),
                    body.path("bar_delay").asInt(0),
                    body.path("max_margin").asDouble(0),
                    OrderType.valueOf(entry.path("order").asText("market").toUpperCase(Locale.ROOT)),
                    entry.path("offset_bps").asDouble(0),
                    entry.path("valid_bars").asInt(1),
                    body.path("atr_period").asInt(ExecutionConfig.DEFAULT_ATR_PERIOD));
            BacktestSpec.MonteCarloSpec monteCarlo = mc == null ? null : new BacktestSpec.MonteCarloSpec(
                    mc.get("paths").asInt(), mc.path("block_length").asInt(BacktestSpec.MonteCarloSpec.MIN_BLOCK),
                    mc.path("seed").asLong(0));
            return new BacktestSpec(execution, monteCarlo, wf == null ? 0 : wf.get("folds").asInt());
        } catch (IllegalArgumentException e) { // the schema's bounds mirror these; this is the last line
            throw ApiProblem.invalidBody(List.of(new Violation("", e.getMessage(), null)));
        }
    }

    /** Where each part of a backtest request sits in this API's request body. */
    private static String memberOf(BacktestRejected.Part part) {
        return switch (part) {
            case STRATEGY -> "/strategy";
            case SCENARIO -> "/scenario";
            case SCENARIO_REF -> "/scenario_ref";
        };
    }

    /** The remedy in this API's terms, appended to the message. */
    private static String withRemedy(String message, BacktestRejected.Remedy remedy) {
        if (remedy == null) {
            return message;
        }
        return message + switch (remedy) {
            case USE_THE_FULL_TIER -> " (use /api/v1/engine/t1)";
            case STORE_THE_SCENARIO_FIRST -> "; store it with POST /api/v1/scenarios or send it inline as scenario";
        };
    }

    private static ApiProblem rejected(BacktestRejected e) {
        List<Violation> violations = e.findings().stream()
                .map(f -> new Violation(memberOf(f.part()) + f.pointer(), withRemedy(f.message(), e.remedy()), f.keyword()))
                .toList();
        if (e.dslErrors().isEmpty()) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "backtest-invalid", "The backtest cannot run as requested",
                    withRemedy(e.getMessage(), e.remedy()), violations);
        }
        ObjectNode extensions = JsonNodeFactory.instance.objectNode();
        ArrayNode dslErrors = extensions.putArray("dslErrors");
        e.dslErrors().forEach(error -> dslErrors.add(DslController.toJson(error)));
        return new ApiProblem(HttpStatus.BAD_REQUEST, "dsl-invalid", "The strategy is not valid", e.getMessage(),
                violations, extensions);
    }
}
