package io.heliox.atlas.command.storage;

import io.heliox.atlas.engine.scenario.Bars;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A scenario's bars as a Parquet file ({@code bars.parquet}): one required column per field,
 * {@code time} as a UTC millisecond timestamp, prices and volume as doubles, uncompressed so no
 * Hadoop codec is needed. Written with parquet-java's local files and plain configuration, so
 * none of Hadoop's file system runs. Any Parquet reader (pandas, DuckDB, Spark) opens it.
 */
public final class BarsParquet {

    static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named("time")
            .required(PrimitiveTypeName.DOUBLE).named("open")
            .required(PrimitiveTypeName.DOUBLE).named("high")
            .required(PrimitiveTypeName.DOUBLE).named("low")
            .required(PrimitiveTypeName.DOUBLE).named("close")
            .required(PrimitiveTypeName.DOUBLE).named("volume")
            .named("ohlcv");

    private BarsParquet() {
    }

    public static byte[] write(Bars bars) {
        Path file = tempFile();
        try {
            SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withConf(new PlainParquetConfiguration())
                    .withType(SCHEMA)
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build()) {
                for (int i = 0; i < bars.size(); i++) {
                    writer.write(rows.newGroup()
                            .append("time", bars.time()[i])
                            .append("open", bars.open()[i])
                            .append("high", bars.high()[i])
                            .append("low", bars.low()[i])
                            .append("close", bars.close()[i])
                            .append("volume", bars.volume()[i]));
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bars as Parquet", e);
        } finally {
            delete(file);
        }
    }

    /** Reads bars written by {@link #write}; {@code clippedMoves} is not stored and reads as 0. */
    public static Bars read(byte[] parquet) {
        Path file = tempFile();
        try {
            Files.write(file, parquet);
            int capacity = 1024;
            long[] time = new long[capacity];
            double[][] columns = new double[5][capacity];
            int n = 0;
            try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(new LocalInputFile(file),
                    new PlainParquetConfiguration()) {
                @Override
                protected ReadSupport<Group> getReadSupport() {
                    return new GroupReadSupport();
                }
            }.build()) {
                for (Group row = reader.read(); row != null; row = reader.read()) {
                    if (n == time.length) {
                        time = Arrays.copyOf(time, n * 2);
                        for (int c = 0; c < 5; c++) {
                            columns[c] = Arrays.copyOf(columns[c], n * 2);
                        }
                    }
                    time[n] = row.getLong("time", 0);
                    columns[0][n] = row.getDouble("open", 0);
                    columns[1][n] = row.getDouble("high", 0);
                    columns[2][n] = row.getDouble("low", 0);
                    columns[3][n] = row.getDouble("close", 0);
                    columns[4][n] = row.getDouble("volume", 0);
                    n++;
                }
            }
            return new Bars(Arrays.copyOf(time, n), Arrays.copyOf(columns[0], n), Arrays.copyOf(columns[1], n),
                    Arrays.copyOf(columns[2], n), Arrays.copyOf(columns[3], n), Arrays.copyOf(columns[4], n), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bars from Parquet", e);
        } finally {
            delete(file);
        }
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("atlas-bars-", ".parquet");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
