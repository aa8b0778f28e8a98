package io.heliox.atlas.engine.analytics;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Metrics against golden values computed independently of this engine: the CSVs under
 * {@code src/test/resources/backtest/golden/} are written by {@code make_golden.py} there, a
 * numpy implementation of the definitions in engine/BACKTEST.md ("Metrics"), not a translation
 * of {@link Metrics}. Re-run it with {@code python3 make_golden.py} from that folder. Floats are
 * stored as Python's shortest round-trip repr, so the inputs parsed here are the exact doubles
 * numpy used.
 *
 * <p>One container per case, one test per metric, so a failure names both.
 */
class MetricsGoldenTest {

    private static final String DIR = "/backtest/golden/";

    /** Absolute tolerance: numpy sums pairwise and interpolates its own way, Java sums in order. */
    private static final double EPS = 1e-9;

    /** The metrics in expected.csv, in its order, with how to read each from a {@link Metrics}. */
    private static final Map<String, Function<Metrics, Number>> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("sharpe", Metrics::sharpe);
        METRICS.put("sortino", Metrics::sortino);
        METRICS.put("max_drawdown", Metrics::maxDrawdown);
        METRICS.put("time_to_recovery", Metrics::timeToRecovery);
        METRICS.put("cagr", Metrics::cagr);
        METRICS.put("tail_p5", Metrics::tailP5);
        METRICS.put("tail_worst_1pct", Metrics::tailWorst1Pct);
        METRICS.put("trade_count", Metrics::tradeCount);
        METRICS.put("win_rate", Metrics::winRate);
        METRICS.put("profit_factor", Metrics::profitFactor);
        METRICS.put("exposure", Metrics::exposure);
    }

    private record Case(String name, double[] equity, double[] pnl, double exposure, double periodsPerYear,
                        Map<String, String> expected) {
    }

    @TestFactory
    List<DynamicNode> everyCaseMatchesTheIndependentNumpyValues() {
        List<Case> cases = loadCases();
        assertThat(cases).as("golden cases").hasSizeGreaterThanOrEqualTo(8);
        List<DynamicNode> containers = new ArrayList<>();
        for (Case c : cases) {
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("expects every metric", () ->
                    assertThat(c.expected().keySet()).as(c.name()).containsExactlyInAnyOrderElementsOf(METRICS.keySet())));
            for (Map.Entry<String, String> e : c.expected().entrySet()) {
                String metric = e.getKey();
                String value = e.getValue();
                tests.add(DynamicTest.dynamicTest(metric, () -> assertMetric(c, metric, value)));
            }
            tests.add(DynamicTest.dynamicTest("periods_per_year echoed", () ->
                    assertThat(compute(c).periodsPerYear()).isEqualTo(c.periodsPerYear())));
            tests.add(DynamicTest.dynamicTest("no field is NaN or infinite", () -> assertAllFinite(c)));
            containers.add(DynamicContainer.dynamicContainer(c.name(), tests));
        }
        return containers;
    }

    private static Metrics compute(Case c) {
        return Metrics.of(c.equity(), c.pnl(), c.exposure(), c.periodsPerYear());
    }

    private static void assertMetric(Case c, String metric, String expected) {
        Function<Metrics, Number> field = METRICS.get(metric);
        assertThat(field).as("unknown metric %s in expected.csv", metric).isNotNull();
        Number actual = field.apply(compute(c));
        String what = c.name() + " " + metric;
        if (expected.equals("null")) {
            assertThat(actual).as(what).isNull();
        } else if (metric.equals("time_to_recovery") || metric.equals("trade_count")) {
            assertThat(actual).as(what).isEqualTo(Integer.parseInt(expected));
        } else {
            double want = Double.parseDouble(expected);
            assertThat(actual).as(what).isNotNull();
            // CAGR raises end/start to P/n (P up to 6240 here), so it runs into the thousands
            // (1326, 2115 in these cases) and is unbounded in general; an ulp-level difference
            // between Java's Math.pow and C's pow scales with the value, so above 1 it is held
            // to 1e-9 relative, below 1 to 1e-9 absolute like every other metric.
            double tolerance = metric.equals("cagr") ? EPS * Math.max(1, Math.abs(want)) : EPS;
            assertThat(actual.doubleValue()).as(what).isCloseTo(want, within(tolerance));
        }
    }

    /** BACKTEST.md: "No field is NaN"; Metrics' javadoc: every field finite except the two nullable ones. */
    private static void assertAllFinite(Case c) throws ReflectiveOperationException {
        Metrics m = compute(c);
        for (RecordComponent rc : Metrics.class.getRecordComponents()) {
            Object v = rc.getAccessor().invoke(m);
            if (v instanceof Double d) {
                assertThat(d).as(c.name() + " " + rc.getName()).isFinite();
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // CSV loading
    // ---------------------------------------------------------------------------------------

    private static List<Case> loadCases() {
        Map<String, List<Double>> equity = new LinkedHashMap<>();
        for (String[] row : rows("equity.csv", "case,bar,equity")) {
            List<Double> curve = equity.computeIfAbsent(row[0], k -> new ArrayList<>());
            assertThat(Integer.parseInt(row[1])).as("bars of %s in order", row[0]).isEqualTo(curve.size());
            curve.add(Double.parseDouble(row[2]));
        }
        Map<String, List<Double>> trades = new LinkedHashMap<>();
        for (String[] row : rows("trades.csv", "case,pnl")) {
            trades.computeIfAbsent(row[0], k -> new ArrayList<>()).add(Double.parseDouble(row[1]));
        }
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        for (String[] row : rows("expected.csv", "case,metric,value")) {
            String previous = expected.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).put(row[1], row[2]);
            assertThat(previous).as("duplicate %s %s", row[0], row[1]).isNull();
        }
        List<Case> cases = new ArrayList<>();
        for (String[] row : rows("cases.csv", "case,periods_per_year,exposure")) {
            String name = row[0];
            assertThat(equity).as("equity of %s", name).containsKey(name);
            assertThat(expected).as("expected values of %s", name).containsKey(name);
            cases.add(new Case(name, toArray(equity.get(name)), toArray(trades.getOrDefault(name, List.of())),
                    Double.parseDouble(row[2]), Double.parseDouble(row[1]), expected.get(name)));
        }
        assertThat(expected.keySet()).as("cases with expected values").containsExactlyElementsOf(
                cases.stream().map(Case::name).toList());
        assertThat(trades.keySet()).as("cases with trades").isSubsetOf(expected.keySet());
        return cases;
    }

    /** Rows after the header, skipping blank lines and {@code #} comments (expected.csv records the numpy version). */
    private static List<String[]> rows(String file, String header) {
        InputStream in = MetricsGoldenTest.class.getResourceAsStream(DIR + file);
        assertThat(in).as("classpath resource %s%s", DIR, file).isNotNull();
        List<String[]> rows = new ArrayList<>();
        int columns = header.split(",").length;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean sawHeader = false;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!sawHeader) {
                    assertThat(line).as("header of %s", file).isEqualTo(header);
                    sawHeader = true;
                    continue;
                }
                String[] row = line.split(",", -1);
                assertThat(row).as("%s: %s", file, line).hasSize(columns);
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
