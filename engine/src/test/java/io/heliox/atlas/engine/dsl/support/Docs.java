package io.heliox.atlas.engine.dsl.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.engine.dsl.SchemaGate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON helpers for the DSL tests: parse, edit by pointer, and the contract schema as a gate. */
public final class Docs {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final ContractSchemas CONTRACTS = new ContractSchemas();

    /** The contract's strategy-dsl schema in front of the engine, as the web endpoint runs it. */
    public static final SchemaGate CONTRACT_GATE = document -> CONTRACTS.validate(ContractSchemas.STRATEGY_DSL, document)
            .stream().map(v -> SchemaGate.violation(v.pointer(), v.message(), v.keyword())).toList();

    private Docs() {
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode resource(String name) {
        try (InputStream in = Docs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets (adds or replaces) the value at an RFC 6901 pointer; an array index equal to the size appends. */
    public static void set(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(key);
            if (index == array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else {
            throw new IllegalArgumentException("no container at " + pointer);
        }
    }

    public static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(key));
        } else {
            ((ObjectNode) parent).remove(key);
        }
    }
}
