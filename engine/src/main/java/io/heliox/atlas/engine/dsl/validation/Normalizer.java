package io.heliox.atlas.engine.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.dsl.syntax.Expr;
import io.heliox.atlas.engine.dsl.syntax.Printer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The normal form of a valid document: object keys sorted at every level and each rule's
 * condition re-printed in canonical spelling. Two documents that differ only in key order,
 * whitespace or condition spacing have the same normal form. Parameter names are kept: the normal
 * form is still the author's strategy, not its IR.
 */
final class Normalizer {

    private Normalizer() {
    }

    static JsonNode normalize(JsonNode document, List<Expr> conditions) {
        ObjectNode sorted = (ObjectNode) sortKeys(document);
        ArrayNode rules = (ArrayNode) sorted.get("rules");
        for (int i = 0; i < rules.size(); i++) {
            ((ObjectNode) rules.get(i)).put("if", Printer.print(conditions.get(i)));
        }
        return sorted;
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(String::compareTo);
            for (String name : names) {
                out.set(name, sortKeys(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(sortKeys(child)));
            return out;
        }
        return node.deepCopy();
    }
}
