package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.MalformedJsonException;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.web.infra.AtlasProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads a request body at most {@code atlas.http.max-body-bytes} long, parses it strictly and
 * validates it against its contract schema. The only way a controller gets a body.
 */
@Component
public class RequestBodies {

    private final ContractSchemas contracts;
    private final long maxBytes;

    public RequestBodies(ContractSchemas contracts, AtlasProperties properties) {
        this.contracts = contracts;
        this.maxBytes = properties.http().maxBodyBytes();
    }

    public JsonNode read(HttpServletRequest request, String schemaName) {
        JsonNode body = readJson(request);
        List<Violation> violations = contracts.validate(schemaName, body);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidBody(violations);
        }
        return body;
    }

    /** The body as strict JSON, size-limited, without a schema (for endpoints that judge the content themselves). */
    public JsonNode readJson(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw ApiProblem.tooLarge(maxBytes); // refuse before reading a byte
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) maxBytes + 1); // a chunked body has no length to check up front
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw ApiProblem.tooLarge(maxBytes);
        }
        try {
            return ContractSchemas.parseStrict(bytes);
        } catch (MalformedJsonException e) {
            throw ApiProblem.malformed(e.getMessage());
        }
    }
}
