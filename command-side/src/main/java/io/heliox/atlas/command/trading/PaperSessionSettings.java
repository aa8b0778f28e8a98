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
 * that the same document (kept in its started event) always builds the same session. Field names
 * are snake_case; a wrong field is an {@link IllegalArgumentException} naming its JSON pointer.
 *
 * <pre>
 * { "account_id": "paper-1",
 *   "strategy": { StrategyDSL },            "scenario": { ScenarioDSL },
 *   "instrument": { "symbol", "venue", "asset_class": fx|crypto|equity|metal, "tick_size", "lot_size",
 *                   "min_notional", "currency", "margin_rate" },
 *   "initial_cash": 10000,
 *   "execution": { "fee_bps", "slippage_bps", "slippage_k_vol", "vol_window", "max_margin", "atr_period" },
 *   "fills": { "model": "engine" } or { "model": "realistic", "spread_bps", "impact", "volume_share",
 *              "noise_bps", "vol_window", "seed", "maker_bps", "taker_bps" },
 *   "latency": { "acknowledge_ms", "fill_ms" },  "max_price_age_s": 300,
 *   "risk": { "max_position", "max_gross_exposure", "max_net_exposure", "max_order_notional",
 *             "max_open_orders", "max_drawdown", "submits_per_second", "modifies_per_second",
 *             "price_band_percent", "daily_loss": { "warn", "reduce", "halt" } },
 *   "bar_every_ms": 100 }
 * </pre>
 * Only {@code account_id}, {@code strategy}, {@code scenario} and {@code instrument} are required.
 */
public record PaperSessionSettings(String accountId, IrStrategy strategy, ScenarioSpec scenario, Instrument instrument,
                                   ExecutionConfig execution, RiskLimits limits, PaperVenueSettings venue,
                                   Duration barEvery) {

    public static PaperSessionSettings parse(JsonNode settings) {
        if (settings == null || !settings.isObject()) {
            throw new IllegalArgumentException("/: the settings must be an object");
        }
        String accountId = text(settings, "/account_id");
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
                Duration.ofMillis(integer(settings, "/latency/acknowledge_ms", 0)),
                Duration.ofMillis(integer(settings, "/latency/fill_ms", 0))),
                Duration.ofSeconds(integer(settings, "/max_price_age_s", 300)));
        Duration barEvery = Duration.ofMillis(integer(settings, "/bar_every_ms", 100));
        if (barEvery.isNegative() || barEvery.isZero()) {
            throw new IllegalArgumentException("/bar_every_ms: must be positive");
        }
        return new PaperSessionSettings(accountId, strategy.ir(), scenario, instrument, execution, limits, venue, barEvery);
    }

    private static Instrument instrument(JsonNode settings) {
        required(settings, "/instrument");
        String assetClass = text(settings, "/instrument/asset_class").toUpperCase(Locale.ROOT);
        AssetClass asset;
        try {
            asset = AssetClass.valueOf(assetClass);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("/instrument/asset_class: one of fx, crypto, equity, metal");
        }
        try {
            return new Instrument(new InstrumentId(text(settings, "/instrument/symbol"), text(settings, "/instrument/venue")),
                    asset, decimal(settings, "/instrument/tick_size", null), decimal(settings, "/instrument/lot_size", null),
                    decimal(settings, "/instrument/min_notional", BigDecimal.ZERO), text(settings, "/instrument/currency"),
                    decimal(settings, "/instrument/margin_rate", BigDecimal.ONE));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("/") ? e : new IllegalArgumentException("/instrument: " + e.getMessage());
        }
    }

    private static ExecutionConfig execution(JsonNode settings) {
        BigDecimal cash = decimal(settings, "/initial_cash", BigDecimal.valueOf(10_000));
        try {
            return new ExecutionConfig(cash.doubleValue(), number(settings, "/execution/fee_bps", 0),
                    number(settings, "/execution/slippage_bps", 0), number(settings, "/execution/slippage_k_vol", 0),
                    integer(settings, "/execution/vol_window", ExecutionConfig.DEFAULT_VOL_WINDOW), 0,
                    number(settings, "/execution/max_margin", 0), OrderType.MARKET, 0, 1,
                    integer(settings, "/execution/atr_period", ExecutionConfig.DEFAULT_ATR_PERIOD));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("/execution: " + e.getMessage());
        }
    }

    private static FillModel fills(JsonNode settings) {
        String model = settings.at("/fills/model").asText("engine");
        try {
            return switch (model) {
                case "engine" -> new EngineRules(number(settings, "/execution/fee_bps", 0),
                        number(settings, "/execution/slippage_bps", 0), number(settings, "/execution/slippage_k_vol", 0),
                        integer(settings, "/execution/vol_window", ExecutionConfig.DEFAULT_VOL_WINDOW));
                case "realistic" -> new RealisticBars(new FeeSchedule(decimal(settings, "/fills/maker_bps", BigDecimal.ZERO),
                        decimal(settings, "/fills/taker_bps", BigDecimal.ZERO)), number(settings, "/fills/spread_bps", 2),
                        number(settings, "/fills/impact", 0.5), number(settings, "/fills/volume_share", 0.1),
                        number(settings, "/fills/noise_bps", 1), integer(settings, "/fills/vol_window", 20),
                        settings.at("/fills/seed").asLong(0));
                default -> throw new IllegalArgumentException("/fills/model: engine or realistic, not " + model);
            };
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("/") ? e : new IllegalArgumentException("/fills: " + e.getMessage());
        }
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
            if (risk.has("max_position")) {
                limits = limits.withMaxPosition(instrument.id(), decimal(settings, "/risk/max_position", null));
            }
            if (risk.has("max_gross_exposure")) {
                limits = limits.withMaxGrossExposure(decimal(settings, "/risk/max_gross_exposure", null));
            }
            if (risk.has("max_net_exposure")) {
                limits = limits.withMaxNetExposure(decimal(settings, "/risk/max_net_exposure", null));
            }
            if (risk.has("max_order_notional")) {
                limits = limits.withMaxOrderNotional(decimal(settings, "/risk/max_order_notional", null));
            }
            if (risk.has("max_open_orders")) {
                limits = limits.withMaxOpenOrders(integer(settings, "/risk/max_open_orders", 0));
            }
            if (risk.has("max_drawdown")) {
                limits = limits.withMaxDrawdown(decimal(settings, "/risk/max_drawdown", null));
            }
            if (risk.has("price_band_percent")) {
                limits = limits.withPriceBandPercent(decimal(settings, "/risk/price_band_percent", null));
            }
            limits = limits.withRates(RateLimit.perSecond(integer(settings, "/risk/submits_per_second", 100)),
                    RateLimit.perSecond(integer(settings, "/risk/modifies_per_second", 100)));
            if (risk.has("daily_loss")) {
                limits = limits.withDailyLoss(new DailyLossLimit(decimal(settings, "/risk/daily_loss/warn", null),
                        decimal(settings, "/risk/daily_loss/reduce", null), decimal(settings, "/risk/daily_loss/halt", null)));
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
