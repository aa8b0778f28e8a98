package io.heliox.atlas.command.storage;

import io.heliox.atlas.engine.scenario.Bars;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BarsParquetTest {

    @Test
    void barsSurviveAParquetRoundTripBitForBit() {
        Bars bars = bars(50_000, 7);
        byte[] parquet = BarsParquet.write(bars);
        assertThat(new String(parquet, 0, 4)).isEqualTo("PAR1");
        Bars back = BarsParquet.read(parquet);
        assertThat(back.size()).isEqualTo(bars.size());
        assertThat(back.time()).isEqualTo(bars.time());
        assertThat(back.open()).isEqualTo(bars.open());
        assertThat(back.high()).isEqualTo(bars.high());
        assertThat(back.low()).isEqualTo(bars.low());
        assertThat(back.close()).isEqualTo(bars.close());
        assertThat(back.volume()).isEqualTo(bars.volume());
    }

    @Test
    void theSameBarsGiveTheSameBytes() {
        assertThat(BarsParquet.write(bars(1_000, 3))).isEqualTo(BarsParquet.write(bars(1_000, 3)));
    }

    private static Bars bars(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] time = new long[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n], volume = new double[n];
        double price = 100;
        for (int i = 0; i < n; i++) {
            time[i] = 1_704_067_200_000L + i * 3_600_000L;
            open[i] = price;
            price *= 1 + (random.nextDouble() - 0.5) * 0.02;
            close[i] = price;
            high[i] = Math.max(open[i], close[i]) * (1 + random.nextDouble() * 0.005);
            low[i] = Math.min(open[i], close[i]) * (1 - random.nextDouble() * 0.005);
            volume[i] = 1_000 + random.nextInt(5_000);
        }
        return new Bars(time, open, high, low, close, volume, 0);
    }
}
