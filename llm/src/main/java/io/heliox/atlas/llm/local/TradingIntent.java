package io.heliox.atlas.llm.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a trader's plain-language request asks for, read with word lists rather than a model:
 * instruments, bar size, indicator families, trading styles, direction and risk appetite. The
 * local model builds blueprints from it, and the mock architect shares it so both
 * follow the prompt the same way.
 *
 * <p>Every list keeps the order of first mention (LinkedHashSet), so the same prompt always gives
 * the same intent.
 */
public record TradingIntent(List<String> universe, String timeframe, List<String> features, List<Style> styles,
                            Direction direction, int riskBp, boolean atrStops, List<String> assumptions) {

    /** The families of strategy a request can point at; the synth picks archetypes from them. */
    public enum Style {
        TREND("trend"), MEAN_REVERSION("mean_revert"), BREAKOUT("breakout"), MOMENTUM("momentum");

        private final String wireName;

        Style(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public enum Direction {
        LONG("long"), SHORT("short"), BOTH("both");

        private final String wireName;

        Direction(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public static final String DEFAULT_SYMBOL = "XAUUSD";
    public static final String DEFAULT_TIMEFRAME = "1h";

    private static final Pattern SYMBOL = Pattern.compile("\\b([A-Z]{6}|[A-Z]{3,5}USDT?)\\b");
    private static final Map<String, String> SYMBOL_WORDS = ordered(
            "gold", "XAUUSD", "xau", "XAUUSD", "silver", "XAGUSD", "bitcoin", "BTCUSDT", "btc", "BTCUSDT",
            "ethereum", "ETHUSDT", "ether", "ETHUSDT", "eth", "ETHUSDT", "crypto", "BTCUSDT", "euro", "EURUSD",
            "fx", "EURUSD", "forex", "EURUSD", "pound", "GBPUSD", "cable", "GBPUSD", "yen", "USDJPY",
            "s&p", "SPX500", "sp500", "SPX500", "nasdaq", "NAS100", "oil", "WTIUSD", "crude", "WTIUSD");
    private static final Map<String, String> FEATURE_WORDS = ordered(
            "sma", "SMA", "moving average", "SMA", "ma ", "SMA", "crossover", "SMA", "cross", "SMA",
            "ema", "EMA", "exponential", "EMA", "rsi", "RSI", "relative strength", "RSI", "momentum", "RSI",
            "oversold", "RSI", "overbought", "RSI", "atr", "ATR", "volatility", "ATR", "bollinger", "BBANDS",
            "band", "BBANDS", "breakout", "DONCHIAN", "donchian", "DONCHIAN", "channel", "DONCHIAN",
            "new high", "DONCHIAN", "slope", "SLOPE");
    private static final Map<String, Style> STYLE_WORDS = ordered(
            "trend", Style.TREND, "crossover", Style.TREND, "moving average", Style.TREND, "ema", Style.TREND,
            "sma", Style.TREND, "ma ", Style.TREND,
            "mean reversion", Style.MEAN_REVERSION, "mean-reversion", Style.MEAN_REVERSION,
            "revert", Style.MEAN_REVERSION, "reversal", Style.MEAN_REVERSION, "oversold", Style.MEAN_REVERSION,
            "overbought", Style.MEAN_REVERSION, "bollinger", Style.MEAN_REVERSION, "rsi", Style.MEAN_REVERSION,
            "range", Style.MEAN_REVERSION,
            "breakout", Style.BREAKOUT, "break out", Style.BREAKOUT, "donchian", Style.BREAKOUT,
            "channel", Style.BREAKOUT, "new high", Style.BREAKOUT,
            "momentum", Style.MOMENTUM, "slope", Style.MOMENTUM);
    private static final List<String> TIMEFRAMES = List.of("15m", "5m", "1m", "4h", "1h", "1d");

    public TradingIntent {
        universe = List.copyOf(universe);
        features = List.copyOf(features);
        styles = List.copyOf(styles);
        assumptions = List.copyOf(assumptions);
    }

    /** Reads a request; never fails: whatever is not said gets a stated default (see {@link #assumptions}). */
    public static TradingIntent read(String prompt) {
        String lower = " " + prompt.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + " ";
        List<String> assumptions = new ArrayList<>();

        Set<String> universe = new LinkedHashSet<>();
        Matcher m = SYMBOL.matcher(prompt);
        while (m.find() && universe.size() < 5) {
            universe.add(m.group(1));
        }
        SYMBOL_WORDS.forEach((word, symbol) -> {
            if (universe.size() < 5 && mentions(lower, word)) {
                universe.add(symbol);
            }
        });
        if (universe.isEmpty()) {
            universe.add(DEFAULT_SYMBOL);
            assumptions.add("no instrument named: " + DEFAULT_SYMBOL + " assumed");
        }

        Set<String> features = new LinkedHashSet<>();
        FEATURE_WORDS.forEach((word, feature) -> {
            if (lower.contains(word)) {
                features.add(feature);
            }
        });
        Set<Style> styles = new LinkedHashSet<>();
        STYLE_WORDS.forEach((word, style) -> {
            if (lower.contains(word)) {
                styles.add(style);
            }
        });
        if (styles.isEmpty()) {
            styles.add(Style.TREND);
            styles.add(Style.MEAN_REVERSION);
            assumptions.add("no style named: trend following and mean reversion both explored");
        }
        if (features.isEmpty()) {
            features.add("SMA");
            features.add("EMA");
        }

        String timeframe = timeframe(lower);
        if (timeframe == null) {
            timeframe = DEFAULT_TIMEFRAME;
            assumptions.add("no bar size named: " + DEFAULT_TIMEFRAME + " bars assumed");
        }

        Direction direction;
        if (lower.contains("long only") || lower.contains("long-only") || lower.contains("no short")) {
            direction = Direction.LONG;
        } else if (lower.contains("short only") || lower.contains("short-only")) {
            direction = Direction.SHORT;
        } else if (lower.contains("short")) {
            direction = Direction.BOTH;
        } else {
            direction = Direction.LONG;
            assumptions.add("no direction named: long only");
        }

        int riskBp = lower.contains("aggressive") || lower.contains("high risk") ? 100
                : lower.contains("conservative") || lower.contains("low risk") || lower.contains("safe") ? 25 : 50;
        boolean atrStops = lower.contains("atr") || lower.contains("trailing") || lower.contains("volatility stop");
        return new TradingIntent(List.copyOf(universe), timeframe, List.copyOf(features), List.copyOf(styles),
                direction, riskBp, atrStops, assumptions);
    }

    public boolean longOnly() {
        return direction == Direction.LONG;
    }

    /** A word on its own (not inside another word), e.g. "eth" but not "method". */
    private static boolean mentions(String lower, String word) {
        return Pattern.compile("(?<![a-z])" + Pattern.quote(word) + "(?![a-z])").matcher(lower).find();
    }

    private static String timeframe(String lower) {
        for (String tf : TIMEFRAMES) {
            if (Pattern.compile("(?<![a-z0-9])" + tf + "(?![a-z0-9])").matcher(lower).find()) {
                return tf;
            }
        }
        if (lower.contains("hourly")) {
            return "1h";
        }
        if (lower.contains("daily") || lower.contains("swing")) {
            return "1d";
        }
        if (lower.contains("scalp") || lower.contains("intraday")) {
            return "15m";
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... pairs) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (V) pairs[i + 1]);
        }
        return map;
    }
}
