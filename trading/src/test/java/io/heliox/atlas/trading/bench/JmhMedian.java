package io.heliox.atlas.trading.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.List;

/** Runs one JMH benchmark class and answers the median score over every measured iteration of every fork. */
final class JmhMedian {

    private JmhMedian() {
    }

    static double of(Class<?> benchmark) throws RunnerException {
        List<Double> scores = new ArrayList<>();
        for (RunResult run : new Runner(new OptionsBuilder().include(benchmark.getSimpleName()).build()).run()) {
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
        }
        scores.sort(null);
        return scores.size() % 2 == 1 ? scores.get(scores.size() / 2)
                : (scores.get(scores.size() / 2 - 1) + scores.get(scores.size() / 2)) / 2;
    }
}
