package io.heliox.atlas.command.storage;

import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test ({@code make bench}): Parquet write and read of a 10k-bar dataset, median
 * of 31 repetitions after 10 warm-ups. The roadmap's budget is &lt; 100 ms to load 10k bars.
 */
class BarsParquetBench {

    @Test
    void writeAndReadTenThousandBars() {
        Bars bars = ScenarioGenerator.generate(ScenarioSpec.parse("""
                {"id":"bench","version":"0.1","timeframe":"1h","duration_bars":10000,"seed":1,
                 "family":"trend","params":{"drift":1,"sigma":60},"volume_model":"lognormal"}"""));
        byte[] parquet = BarsParquet.write(bars);
        for (int i = 0; i < 10; i++) {
            BarsParquet.read(BarsParquet.write(bars));
        }
        double[] write = new double[31];
        double[] read = new double[31];
        for (int i = 0; i < 31; i++) {
            long t0 = System.nanoTime();
            parquet = BarsParquet.write(bars);
            long t1 = System.nanoTime();
            Bars back = BarsParquet.read(parquet);
            long t2 = System.nanoTime();
            assertThat(back.size()).isEqualTo(10_000);
            write[i] = (t1 - t0) / 1e6;
            read[i] = (t2 - t1) / 1e6;
        }
        Arrays.sort(write);
        Arrays.sort(read);
        System.out.printf("%nBENCH Parquet, 10k bars (%d KiB): write median %.1f ms, read median %.1f ms (budget: load < 100 ms)%n%n",
                parquet.length / 1024, write[15], read[15]);
    }
}
