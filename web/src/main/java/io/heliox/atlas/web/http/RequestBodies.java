package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.MalformedJsonException;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.web.infra.AtlasProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

    /**
     * An optional body: null when the request has none (the usual call of a command such as a cancel),
     * else read and validated as {@link #read} does. A body must be JSON (415 otherwise).
     */
    public JsonNode readOptional(HttpServletRequest request, String schemaName) {
        boolean hasBody = request.getContentLengthLong() > 0
                || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null);
        if (!hasBody) {
            return null;
        }
        if (!isJson(request.getContentType())) {
            String detail = "Content-Type " + (request.getContentType() == null ? "(none)" : request.getContentType())
                    + " is not supported; send application/json or no body";
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                    detail, List.of(new Violation("/header/Content-Type", detail, null)));
        }
        return read(request, schemaName);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return false;
        }
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
        JsonNode body;
        try {
            body = ContractSchemas.parseStrict(bytes);
        } catch (MalformedJsonException e) {
            throw ApiProblem.malformed(e.getMessage());
        }
        List<Violation> nul = new ArrayList<>();
        findNul(body, "", nul);
        if (!nul.isEmpty()) {
            throw ApiProblem.invalidBody(nul);
        }
        return body;
    }

    /**
     * JSON allows U+0000 in strings; PostgreSQL text and jsonb do not, so such a document would be
     * accepted here and then fail every projection that stores it. It is refused at the door.
     */
    private static void findNul(JsonNode node, String pointer, List<Violation> out) {
        if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            out.add(new Violation(pointer, "must not contain the NUL character (U+0000)", "nul"));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getKey().indexOf('\u0000') >= 0) {
                    out.add(new Violation(child, "a key must not contain the NUL character (U+0000)", "nul"));
                } else {
                    findNul(field.getValue(), child, out);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNul(node.get(i), pointer + "/" + i, out);
            }
        }
    }
}
