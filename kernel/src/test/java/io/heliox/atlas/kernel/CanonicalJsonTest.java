package io.heliox.atlas.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical JSON encoder (RFC 8785): the byte form every content hash of the project digests. */
class CanonicalJsonTest {

    @Test
    void sortsKeysAndDropsWhitespace() {
        assertThat(canonical("{ \"b\" : [1, {\"z\":null, \"a\":true}], \"a\" : \"x\" }"))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":true,\"z\":null}]}");
    }

    @Test
    void oneNumberHasOneSpelling() {
        assertThat(canonical("[1, 1.0, 1e0, 10E-1, 100e-2]")).isEqualTo("[1,1,1,1,1]");
        assertThat(canonical("[-0, -0.0, 0e5]")).isEqualTo("[0,0,0]");
        assertThat(canonical("[0.1, 0.10, 1e-1, 2.5, -7.25e2]")).isEqualTo("[0.1,0.1,0.1,2.5,-725]");
    }

    @Test
    void numbersAreWrittenAsEcmaScriptWritesThem() {
        // Shortest round-trip digits, not the binary value's full expansion.
        assertThat(CanonicalJson.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(CanonicalJson.number(1e21)).isEqualTo("1e+21");
        assertThat(CanonicalJson.number(1e20)).isEqualTo("100000000000000000000");
        assertThat(CanonicalJson.number(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(CanonicalJson.number(0.000001)).isEqualTo("0.000001");
        assertThat(CanonicalJson.number(123456.789)).isEqualTo("123456.789");
        assertThat(CanonicalJson.number(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(CanonicalJson.number(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        // Values whose Double.toString digits differ between JDK 17 and JDK 19+ (JDK-4511638).
        assertThat(CanonicalJson.number(2e23)).isEqualTo("2e+23");
        assertThat(CanonicalJson.number(1.0E23)).isEqualTo("1e+23");
    }

    @Test
    void everyDoubleReadsBackExactly() {
        long bits = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 3_000; i++) {
            bits = bits * 6364136223846793005L + 1442695040888963407L;
            double v = Double.longBitsToDouble(bits);
            if (Double.isFinite(v)) {
                assertThat(Double.parseDouble(CanonicalJson.number(v))).isEqualTo(v == 0 ? 0.0 : v);
            }
        }
    }

    @Test
    void refusesWhatHasNoCanonicalForm() {
        assertThatThrownBy(() -> canonical("{\"seed\": 9007199254740993}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/seed");
        assertThat(canonical("9007199254740992")).isEqualTo("9007199254740992");
        assertThatThrownBy(() -> CanonicalJson.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(canonical("\"a\\\"b\\\\c\\n\\u0001é€\\u00e9\""))
                .isEqualTo("\"a\\\"b\\\\c\\n\\u0001é€é\"");
        assertThat(CanonicalJson.bytes(parse("\"é\""))).isEqualTo("\"é\"".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hashIsTheSha256OfTheCanonicalBytes() {
        assertThat(CanonicalJson.sha256(parse("{}")))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String canonical(String json) {
        return CanonicalJson.write(parse(json));
    }
}
