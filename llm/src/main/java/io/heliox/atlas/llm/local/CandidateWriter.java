package io.heliox.atlas.llm.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The local model's synth answer: candidate strategies in the StrategyDSL written from a blueprint.
 * Each candidate comes from a different archetype (the logic), so candidates differ in more than
 * their parameters; the blueprint's features choose which archetypes come first, the seed draws
 * the parameters. Short rules only when the blueprint's direction allows them (both directions:
 * a stop-and-reverse system), a stop loss always
 * (ATR-based when the blueprint names ATR), risk per trade from the constraints.
 */
final class CandidateWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One family of logic. {@code longRules}/{@code shortRules} are (condition, action) pairs over params. */
    private enum Archetype {
        MA_CROSS("ma-cross", "SMA crossover", "trend",
                rules("crossover(ma(close,$fast), ma(close,$slow))", "buy", "crossunder(ma(close,$fast), ma(close,$slow))", "close"),
                rules("crossunder(ma(close,$fast), ma(close,$slow))", "sell", "crossover(ma(close,$fast), ma(close,$slow))", "close")),
        EMA_CROSS("ema-cross", "EMA crossover", "trend",
                rules("crossover(ema(close,$fast), ema(close,$slow))", "buy", "crossunder(ema(close,$fast), ema(close,$slow))", "close"),
                rules("crossunder(ema(close,$fast), ema(close,$slow))", "sell", "crossover(ema(close,$fast), ema(close,$slow))", "close")),
        EMA_SLOPE("ema-trend", "EMA trend with slope filter", "trend",
                rules("close > ema(close,$window) and slope(ema(close,$window), $slope_bars) > 0", "buy",
                        "close < ema(close,$window)", "close"),
                rules("close < ema(close,$window) and slope(ema(close,$window), $slope_bars) < 0", "sell",
                        "close > ema(close,$window)", "close")),
        RSI_REVERT("rsi-revert", "RSI mean reversion", "mean_revert",
                rules("rsi(close,$period) < $oversold", "buy", "rsi(close,$period) > $exit_level", "close"),
                rules("rsi(close,$period) > $overbought", "sell", "rsi(close,$period) < $exit_level", "close")),
        BBANDS_REVERT("bbands-revert", "Bollinger band reversion", "mean_revert",
                rules("close < bbands_lower(close,$window,$width)", "buy", "close > bbands_mid(close,$window)", "close"),
                rules("close > bbands_upper(close,$window,$width)", "sell", "close < bbands_mid(close,$window)", "close")),
        CHANNEL_BREAKOUT("channel-breakout", "Channel breakout", "breakout",
                rules("close > lag(highest(high,$lookback),1)", "buy", "close < lag(lowest(low,$exit_lookback),1)", "close"),
                rules("close < lag(lowest(low,$lookback),1)", "sell", "close > lag(highest(high,$exit_lookback),1)", "close")),
        ATR_BREAKOUT("atr-breakout", "Volatility breakout", "breakout",
                rules("close > ema(close,$window) + $width * atr($atr_period)", "buy", "close < ema(close,$window)", "close"),
                rules("close < ema(close,$window) - $width * atr($atr_period)", "sell", "close > ema(close,$window)", "close")),
        MOMENTUM("momentum", "Momentum with RSI confirmation", "momentum",
                rules("slope(ma(close,$window), $slope_bars) > 0 and rsi(close,$period) > $strong", "buy",
                        "rsi(close,$period) < $weak", "close"),
                rules("slope(ma(close,$window), $slope_bars) < 0 and rsi(close,$period) < $weak", "sell",
                        "rsi(close,$period) > $strong", "close"));

        final String id;
        final String name;
        final String tag;
        final List<String[]> longRules;
        final List<String[]> shortRules;

        Archetype(String id, String name, String tag, List<String[]> longRules, List<String[]> shortRules) {
            this.id = id;
            this.name = name;
            this.tag = tag;
            this.longRules = longRules;
            this.shortRules = shortRules;
        }

        private static List<String[]> rules(String... pairs) {
            List<String[]> out = new ArrayList<>();
            for (int i = 0; i < pairs.length; i += 2) {
                out.add(new String[] {pairs[i], pairs[i + 1]});
            }
            return out;
        }
    }

    private CandidateWriter() {
    }

    /** {@code {"candidates": [...]}} with {@code count} candidates (1..8) for the blueprint. */
    static ObjectNode write(JsonNode blueprint, int count, SplittableRandom random) {
        String timeframe = blueprint.path("timeframe").asText("1h");
        String direction = blueprint.path("constraints").path("long_only").asBoolean(false) ? "long"
                : blueprint.path("direction").asText("long"); // long_only wins over a contradicting direction
        int riskBp = Math.max(1, Math.min(200, blueprint.path("constraints").path("risk_bp").asInt(50)));
        Set<String> features = new LinkedHashSet<>();
        blueprint.path("features").forEach(f -> features.add(f.asText().toUpperCase(Locale.ROOT)));
        boolean atrStops = features.contains("ATR");

        ArrayNode candidates = JSON.arrayNode();
        for (Archetype archetype : order(features, random)) {
            if (candidates.size() == Math.max(1, Math.min(8, count))) {
                break;
            }
            candidates.add(candidate(archetype, timeframe, direction, riskBp, atrStops, random));
        }
        ObjectNode answer = JSON.objectNode();
        answer.set("candidates", candidates);
        return answer;
    }

    /** Archetypes the features point at first (in the features' order), then the rest, for diversity. */
    private static List<Archetype> order(Set<String> features, SplittableRandom random) {
        Set<Archetype> first = new LinkedHashSet<>();
        for (String feature : features) {
            switch (feature) {
                case "SMA" -> first.add(Archetype.MA_CROSS);
                case "EMA" -> {
                    first.add(Archetype.EMA_CROSS);
                    first.add(Archetype.EMA_SLOPE);
                }
                case "RSI" -> first.add(Archetype.RSI_REVERT);
                case "BBANDS" -> first.add(Archetype.BBANDS_REVERT);
                case "DONCHIAN" -> first.add(Archetype.CHANNEL_BREAKOUT);
                case "ATR" -> first.add(Archetype.ATR_BREAKOUT);
                case "SLOPE" -> first.add(Archetype.MOMENTUM);
                default -> {
                    // a feature without an archetype of its own (e.g. VWAP): the others still apply
                }
            }
        }
        if (first.contains(Archetype.MA_CROSS)) { // an MA request gets the MA family before the rest
            first.add(Archetype.EMA_CROSS);
            first.add(Archetype.EMA_SLOPE);
        }
        List<Archetype> rest = new ArrayList<>(List.of(Archetype.values()));
        rest.removeAll(first);
        for (int i = rest.size() - 1; i > 0; i--) { // the seed decides which families fill the remaining slots
            int j = random.nextInt(i + 1);
            Archetype tmp = rest.get(i);
            rest.set(i, rest.get(j));
            rest.set(j, tmp);
        }
        List<Archetype> out = new ArrayList<>(first);
        out.addAll(rest);
        return out;
    }

    private static ObjectNode candidate(Archetype archetype, String timeframe, String direction, int riskBp,
                                        boolean atrStops, SplittableRandom random) {
        ObjectNode params = params(archetype, random);
        StringBuilder id = new StringBuilder(archetype.id);
        params.fields().forEachRemaining(p -> {
            if (p.getValue().isInt()) {
                id.append('-').append(p.getValue().asInt());
            }
        });
        ObjectNode dsl = JSON.objectNode();
        dsl.put("id", id.toString());
        dsl.put("name", archetype.name + " " + describe(params));
        dsl.put("version", "0.1");
        dsl.put("timeframe", timeframe);
        ArrayNode rules = dsl.putArray("rules");
        // Both directions: a reversal system (long on the long entry, short on the short entry, exits
        // by stop and target). Each side's own exit would contradict the other side's entry (the
        // SMA exit on a cross-under is the short entry), and the DSL cannot condition on the position.
        List<String[]> chosen = switch (direction) {
            case "short" -> archetype.shortRules;
            case "both" -> List.of(archetype.longRules.get(0), archetype.shortRules.get(0));
            default -> archetype.longRules;
        };
        for (String[] rule : chosen) {
            ObjectNode r = rules.addObject();
            r.put("if", rule[0]);
            r.put("then", rule[1]);
        }
        dsl.set("params", params);
        ObjectNode sizing = dsl.putObject("sizing");
        sizing.put("mode", "fraction");
        sizing.put("value", riskBp >= 100 ? 1.0 : 0.5);
        ObjectNode risk = dsl.putObject("risk");
        if (atrStops) {
            risk.put("stop_loss_atr", 2.0 + random.nextInt(3) * 0.5);
            risk.put("take_profit_atr", 4.0 + random.nextInt(5) * 0.5);
        } else {
            risk.put("stop_loss_bps", riskBp * 4);
            risk.put("take_profit_bps", riskBp * 8);
        }
        risk.put("cooldown_bars", 3);
        ObjectNode metadata = dsl.putObject("metadata");
        metadata.putArray("tags").add(archetype.tag).add("local-model");
        return dsl;
    }

    private static ObjectNode params(Archetype archetype, SplittableRandom random) {
        ObjectNode p = JSON.objectNode();
        switch (archetype) {
            case MA_CROSS, EMA_CROSS -> {
                int fast = 5 + random.nextInt(16);       // 5..20
                p.put("fast", fast);
                p.put("slow", fast * 3 + random.nextInt(21));
            }
            case EMA_SLOPE -> {
                p.put("window", 30 + random.nextInt(71)); // 30..100
                p.put("slope_bars", 3 + random.nextInt(8));
            }
            case RSI_REVERT -> {
                p.put("period", 7 + random.nextInt(15));  // 7..21
                int band = 20 + random.nextInt(11);       // 20..30
                p.put("oversold", band);
                p.put("overbought", 100 - band);
                p.put("exit_level", 50);
            }
            case BBANDS_REVERT -> {
                p.put("window", 15 + random.nextInt(26));
                p.put("width", 1.5 + random.nextInt(3) * 0.5);
            }
            case CHANNEL_BREAKOUT -> {
                int lookback = 20 + random.nextInt(41);
                p.put("lookback", lookback);
                p.put("exit_lookback", Math.max(5, lookback / 2));
            }
            case ATR_BREAKOUT -> {
                p.put("window", 20 + random.nextInt(31));
                p.put("atr_period", 10 + random.nextInt(11));
                p.put("width", 1.0 + random.nextInt(4) * 0.5);
            }
            case MOMENTUM -> {
                p.put("window", 20 + random.nextInt(41));
                p.put("slope_bars", 3 + random.nextInt(8));
                p.put("period", 10 + random.nextInt(9));
                p.put("strong", 55);
                p.put("weak", 45);
            }
        }
        return p;
    }

    private static String describe(ObjectNode params) {
        List<String> parts = new ArrayList<>();
        params.fields().forEachRemaining(p -> parts.add(p.getKey() + " " + p.getValue().asText()));
        return "(" + String.join(", ", parts) + ")";
    }
}
