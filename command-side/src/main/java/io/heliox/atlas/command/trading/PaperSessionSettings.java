package io.heliox.atlas.command.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.engine.execution.OrderType;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import io.heliox.atlas.engine.scenario.ScenarioSpecException;
import io.heliox.atlas.trading.instrument.AssetClass;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.risk.DailyLossLimit;
import io.heliox.atlas.trading.risk.RateLimit;
import io.heliox.atlas.trading.risk.RiskLimits;
import io.heliox.atlas.trading.venue.paper.EngineRules;
import io.heliox.atlas.trading.venue.paper.FeeSchedule;
import io.heliox.atlas.trading.venue.paper.FillModel;
import io.heliox.atlas.trading.venue.paper.Latency;
import io.heliox.atlas.trading.venue.paper.PaperVenueSettings;
import io.heliox.atlas.trading.venue.paper.RealisticBars;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * A paper session's settings document, read and checked: everything a session is built from, so
 * that the same document (kept in its started event) always builds the same session. The fields are
 * those of {@code POST /v1/paper-sessions} (paper-session-request.schema.json, camelCase) with the
 * strategy in place of the portfolio item; a wrong field is an {@link IllegalArgumentException}
 * whose message starts with its JSON pointer, the request's own.
 *
 * <pre>
 * { "accountId": "paper-1",
 *   "strategy": { StrategyDSL },            "scenario": { ScenarioDSL },
 *   "instrument": { "symbol", "venue", "assetClass": fx|crypto|equity|metal, "tickSize", "lotSize",
 *                   "minNotional", "currency", "marginRate" },
 *   "initialCash": 10000,
 *   "execution": { "feeBps", "slippageBps", "slippageKVol", "volWindow", "maxMargin", "atrPeriod" },
 *   "fills": { "model": "engine" } or { "model": "realistic", "spreadBps", "impact", "volumeShare",
 *              "noiseBps", "volWindow", "seed", "makerBps", "takerBps" },
 *   "latency": { "acknowledgeMs", "fillMs" },  "maxPriceAgeSeconds": 300,
 *   "risk": { "maxPosition", "maxGrossExposure", "maxNetExposure", "maxOrderNotional",
 *             "maxOpenOrders", "maxDrawdown", "submitsPerSecond", "modifiesPerSecond",
 *             "priceBandPercent", "dailyLoss": { "warn", "reduce", "halt" } },
 *   "barEveryMs": 100 }
 * </pre>
 * Only {@code accountId}, {@code strategy}, {@code scenario} and {@code instrument} are required; fills
 * default to realistic.
 */
public record PaperSessionSettings(String accountId, IrStrategy strategy, ScenarioSpec scenario, Instrument instrument,
                                   ExecutionConfig execution, RiskLimits limits, PaperVenueSettings venue,
                                   Duration barEvery) {

    public static PaperSessionSettings parse(JsonNode settings) {
        if (settings == null || !settings.isObject()) {
            throw new IllegalArgumentException("/: the settings must be an object");
        }
        String accountId = text(settings, "/accountId");
        Validation strategy = new StrategyValidator().validate(required(settings, "/strategy"));
        if (!strategy.valid()) {
            throw new IllegalArgumentException("/strategy: not a valid strategy: " + strategy.errors());
        }
        ScenarioSpec scenario;
        try {
            scenario = ScenarioSpec.parse(required(settings, "/scenario"));
        } catch (ScenarioSpecException e) {
            throw new IllegalArgumentException("/scenario: " + e.getMessage());
        }
        Instrument instrument = instrument(settings);
        ExecutionConfig execution = execution(settings);
        RiskLimits limits = limits(settings, instrument);
        PaperVenueSettings venue = new PaperVenueSettings(fills(settings), new Latency(
                Duration.ofMillis(integer(settings, "/latency/acknowledgeMs", 0)),
                Duration.ofMillis(integer(settings, "/latency/fillMs", 0))),
                Duration.ofSeconds(integer(settings, "/maxPriceAgeSeconds", 300)));
        Duration barEvery = Duration.ofMillis(integer(settings, "/barEveryMs", 100));
        if (barEvery.isNegative() || barEvery.isZero()) {
            throw new IllegalArgumentException("/barEveryMs: must be positive");
        }
        return new PaperSessionSettings(accountId, strategy.ir(), scenario, instrument, execution, limits, venue, barEvery);
    }

    private static Instrument instrument(JsonNode settings) {
        required(settings, "/instrument");
        String assetClass = text(settings, "/instrument/assetClass").toUpperCase(Locale.ROOT);
        AssetClass asset;
        try {
            asset = AssetClass.valueOf(assetClass);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("/instrument/assetClass: one of fx, crypto, equity, metal");
        }
        try {
            return new Instrument(new InstrumentId(text(settings, "/instrument/symbol"), text(settings, "/instrument/venue")),
                    asset, decimal(settings, "/instrument/tickSize", null), decimal(settings, "/instrument/lotSize", null),
                    decimal(settings, "/instrument/minNotional", BigDecimal.ZERO), text(settings, "/instrument/currency"),
                    decimal(settings, "/instrument/marginRate", BigDecimal.ONE));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("/") ? e : new IllegalArgumentException("/instrument: " + e.getMessage());
        }
    }

    private static ExecutionConfig execution(JsonNode settings) {
        BigDecimal cash = decimal(settings, "/initialCash", BigDecimal.valueOf(10_000));
        try {
            return new ExecutionConfig(cash.doubleValue(), number(settings, "/execution/feeBps", 0),
                    number(settings, "/execution/slippageBps", 0), number(settings, "/execution/slippageKVol", 0),
                    integer(settings, "/execution/volWindow", ExecutionConfig.DEFAULT_VOL_WINDOW), 0,
                    number(settings, "/execution/maxMargin", 0), OrderType.MARKET, 0, 1,
                    integer(settings, "/execution/atrPeriod", ExecutionConfig.DEFAULT_ATR_PERIOD));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("/execution: " + e.getMessage());
        }
    }

    private static FillModel fills(JsonNode settings) {
        String model = settings.at("/fills/model").asText("realistic");
        try {
            return switch (model) {
                case "engine" -> new EngineRules(number(settings, "/execution/feeBps", 0),
                        number(settings, "/execution/slippageBps", 0), number(settings, "/execution/slippageKVol", 0),
                        integer(settings, "/execution/volWindow", ExecutionConfig.DEFAULT_VOL_WINDOW));
                case "realistic" -> new RealisticBars(new FeeSchedule(decimal(settings, "/fills/makerBps", BigDecimal.ZERO),
                        decimal(settings, "/fills/takerBps", BigDecimal.ZERO)), number(settings, "/fills/spreadBps", 2),
                        number(settings, "/fills/impact", 0.5), number(settings, "/fills/volumeShare", 0.1),
                        number(settings, "/fills/noiseBps", 1), integer(settings, "/fills/volWindow", 20),
                        settings.at("/fills/seed").asLong(0));
                default -> throw new IllegalArgumentException("/fills/model: engine or realistic, not " + model);
            };
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("/") ? e : new IllegalArgumentException("/fills: " + e.getMessage());
        }
    }

    /**
     * A settings {@code risk} document (null or absent: the defaults) as the limits it sets for a
     * session on {@code instrument}; a bad one is an IllegalArgumentException whose message starts
     * with the JSON pointer of the field, under {@code /risk}.
     */
    public static RiskLimits riskLimits(JsonNode risk, Instrument instrument) {
        com.fasterxml.jackson.databind.node.ObjectNode settings =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (risk != null) {
            settings.set("risk", risk);
        }
        return limits(settings, instrument);
    }

    private static RiskLimits limits(JsonNode settings, Instrument instrument) {
        RiskLimits limits = RiskLimits.defaults(instrument.quoteCurrency());
        JsonNode risk = settings.path("risk");
        if (risk.isMissingNode() || risk.isNull()) {
            return limits;
        }
        if (!risk.isObject()) {
            throw new IllegalArgumentException("/risk: must be an object");
        }
        try {
            if (risk.has("maxPosition")) {
                limits = limits.withMaxPosition(instrument.id(), decimal(settings, "/risk/maxPosition", null));
            }
            if (risk.has("maxGrossExposure")) {
                limits = limits.withMaxGrossExposure(decimal(settings, "/risk/maxGrossExposure", null));
            }
            if (risk.has("maxNetExposure")) {
                limits = limits.withMaxNetExposure(decimal(settings, "/risk/maxNetExposure", null));
            }
            if (risk.has("maxOrderNotional")) {
                limits = limits.withMaxOrderNotional(decimal(settings, "/risk/maxOrderNotional", null));
            }
            if (risk.has("maxOpenOrders")) {
                limits = limits.withMaxOpenOrders(integer(settings, "/risk/maxOpenOrders", 0));
            }
            if (risk.has("maxDrawdown")) {
                limits = limits.withMaxDrawdown(decimal(settings, "/risk/maxDrawdown", null));
            }
            if (risk.has("priceBandPercent")) {
                limits = limits.withPriceBandPercent(decimal(settings, "/risk/priceBandPercent", null));
            }
            limits = limits.withRates(RateLimit.perSecond(integer(settings, "/risk/submitsPerSecond", 100)),
                    RateLimit.perSecond(integer(settings, "/risk/modifiesPerSecond", 100)));
            if (risk.has("dailyLoss")) {
                limits = limits.withDailyLoss(new DailyLossLimit(decimal(settings, "/risk/dailyLoss/warn", null),
                        decimal(settings, "/risk/dailyLoss/reduce", null), decimal(settings, "/risk/dailyLoss/halt", null)));
            }
            return limits;
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("/") ? e : new IllegalArgumentException("/risk: " + e.getMessage());
        }
    }

    private static JsonNode required(JsonNode settings, String pointer) {
        JsonNode node = settings.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException(pointer + ": required");
        }
        return node;
    }

    private static String text(JsonNode settings, String pointer) {
        JsonNode node = required(settings, pointer);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(pointer + ": must be a non-blank string");
        }
        return node.asText();
    }

    /** A decimal from a number or a numeric string (strings keep every digit: "0.00001"); null default = required. */
    private static BigDecimal decimal(JsonNode settings, String pointer, BigDecimal otherwise) {
        JsonNode node = settings.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            if (otherwise == null) {
                throw new IllegalArgumentException(pointer + ": required");
            }
            return otherwise;
        }
        try {
            return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(pointer + ": not a number: " + node);
        }
    }

    private static double number(JsonNode settings, String pointer, double otherwise) {
        JsonNode node = settings.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return otherwise;
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException(pointer + ": must be a number");
        }
        return node.asDouble();
    }

    private static int integer(JsonNode settings, String pointer, int otherwise) {
        JsonNode node = settings.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return otherwise;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(pointer + ": must be a whole number");
        }
        return node.asInt();
    }
}
