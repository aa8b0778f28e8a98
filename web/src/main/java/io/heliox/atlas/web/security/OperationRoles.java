package io.heliox.atlas.web.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.heliox.atlas.contracts.ContractSchemas;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call each operation, read from the contract itself: every operation of
 * {@code openapi.yaml} declares {@code x-atlas-role}, so the table a client reads and the one the
 * server enforces are the same table. An operation without one is a start-up error.
 */
public final class OperationRoles {

    /** What an operation needs. */
    public enum Need {
        ANYONE, SIGNED_IN, VIEWER, TRADER, ADMIN, SYSTEM_ADMIN;

        static Need of(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        /** Whether the operation acts in a workspace (and so needs the caller's role there). */
        public boolean inWorkspace() {
            return this == VIEWER || this == TRADER || this == ADMIN;
        }
    }

    /** An operation the request matched, with its path's variables. */
    public record Match(String operationId, Need need, Map<String, String> variables) {
    }

    private record Operation(String method, PathPattern pattern, String operationId, Need need) {
    }

    private final List<Operation> operations;

    private OperationRoles(List<Operation> operations) {
        this.operations = operations;
    }

    public static OperationRoles fromContract() {
        try {
            return of(new ObjectMapper(new YAMLFactory()).readTree(ContractSchemas.resourceText("contracts/openapi.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OperationRoles of(JsonNode openapi) {
        PathPatternParser parser = new PathPatternParser();
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            PathPattern pattern = parser.parse(path.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String role = op.getValue().path("x-atlas-role").asText(null);
                String id = op.getValue().path("operationId").asText(path.getKey());
                if (role == null) {
                    throw new IllegalStateException("openapi.yaml: operation " + id + " declares no x-atlas-role");
                }
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), pattern, id, Need.of(role)));
            }
        }
        // the most specific pattern first, as Spring MVC picks handlers
        operations.sort((a, b) -> PathPattern.SPECIFICITY_COMPARATOR.compare(a.pattern(), b.pattern()));
        return new OperationRoles(List.copyOf(operations));
    }

    /** The operation a request is for, or empty for a path the API does not have (the UI's files). */
    public Optional<Match> match(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Operation op : operations) {
            if (!op.method().equals(method) && !(method.equals("HEAD") && op.method().equals("GET"))) {
                continue;
            }
            PathPattern.PathMatchInfo info = op.pattern().matchAndExtract(container);
            if (info != null) {
                return Optional.of(new Match(op.operationId(), op.need(), info.getUriVariables()));
            }
        }
        return Optional.empty();
    }

    /** Every operation's id and need, for tests and docs. */
    public Map<String, Need> needs() {
        Map<String, Need> needs = new java.util.LinkedHashMap<>();
        operations.forEach(op -> needs.put(op.operationId(), op.need()));
        return needs;
    }
}
