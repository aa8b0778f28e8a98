package io.heliox.atlas.web.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.contracts.ContractSchemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP client for the tests. Every response it returns has already been checked against
 * {@code contracts/openapi.yaml} (status, content type, headers, body), so every endpoint a test
 * touches is contract-tested as a side effect.
 */
public final class Api {

    private static final OpenApiInteractionValidator CONTRACT = OpenApiInteractionValidator
            .createForInlineApiSpecification(ContractSchemas.resourceText("contracts/openapi.yaml"))
            .build();
    public static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    /** The API key every request carries as {@code Authorization: Bearer}, or null for an anonymous client. */
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A client with the installation's administrator key (from the first start's credentials file). */
    public Api(int port, Path dataDir) {
        this(port, Credentials.of(dataDir).apiKey());
    }

    public Api(int port, String apiKey) {
        this.base = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
    }

    /** The same server, without credentials. */
    public Api anonymous() {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), (String) null);
    }

    /** The same server, with another key. */
    public Api withKey(String key) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), key);
    }

    public String apiKey() {
        return apiKey;
    }

    /** What the first start wrote to {@code <data dir>/admin-credentials.json}. */
    public record Credentials(String username, String password, String apiKey) {

        public static Credentials of(Path dataDir) {
            Path file = dataDir.resolve("admin-credentials.json");
            try {
                JsonNode json = JSON.readTree(file.toFile());
                return new Credentials(json.get("username").asText(), json.get("password").asText(),
                        json.get("apiKey").asText());
            } catch (IOException e) {
                throw new UncheckedIOException("no credentials at " + file, e);
            }
        }

        /** The {@code Authorization} header of the administrator key. */
        public String bearer() {
            return "Bearer " + apiKey;
        }
    }

    public String base() {
        return base;
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "GET", path, headers);
    }

    /** A GET of a path the contract does not have (to check the 404s of unknown paths). */
    public Response getOutsideContract(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "OPTIONS", path);
    }

    public Response postJson(String path, String body, String... headers) {
        String[] all = concat(new String[] {"Content-Type", "application/json"}, headers);
        return post(path, body, all);
    }

    public Response putJson(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), "PUT", path, headers);
    }

    public Response post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)),
                "POST", path, headers);
    }

    public Response send(HttpRequest.Builder builder, String method, String path, String... headers) {
        authorize(builder, headers);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Response result = new Response(response.statusCode(), response.headers().map(), response.body());
            if (!method.equals("OPTIONS")) { // preflights and unknown paths are outside the contract
                assertMatchesContract(method, path, result);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose answer is bytes (a package download); the status and headers are checked against the contract. */
    public BinaryResponse getBytes(String path) {
        return sendBytes(HttpRequest.newBuilder(URI.create(base + path)).GET(), "GET", path);
    }

    /** A POST of bytes (a package upload), the answer as text, checked against the contract. */
    public Response postBytes(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                "POST", path, "Content-Type", contentType);
    }

    private BinaryResponse sendBytes(HttpRequest.Builder builder, String method, String path) {
        authorize(builder);
        try {
            HttpResponse<byte[]> response = http.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            // A binary body is not JSON: the contract check covers the status and headers; an error is problem+json.
            String text = contentType.contains("json") ? new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)
                    : "<" + response.body().length + " bytes>";
            assertMatchesContract(method, path, new Response(response.statusCode(), response.headers().map(), text));
            return new BinaryResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record BinaryResponse(int status, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Reads a run's SSE stream to its end (the server closes it after the terminal event). */
    public SseRead events(String runId, String... headersAndQuery) {
        return stream("/v1/runs/" + runId + "/events", headersAndQuery);
    }

    /** Reads the SSE stream at {@code path} to its end: pairs of header name and value, or "?" and a query. */
    public SseRead stream(String path, String... headersAndQuery) {
        String query = "";
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < headersAndQuery.length; i += 2) {
            if (headersAndQuery[i].equals("?")) {
                query = "?" + headersAndQuery[i + 1];
            } else {
                headers.add(headersAndQuery[i]);
                headers.add(headersAndQuery[i + 1]);
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path + query))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET();
        authorize(builder, headers.toArray(String[]::new));
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("SSE status").isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return SseRead.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Adds the key unless the caller sends its own Authorization header. */
    private void authorize(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization")) {
                return;
            }
        }
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
    }

    private static void assertMatchesContract(String method, String path, Response response) {
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status()).withBody(response.body());
        response.headers().forEach((name, values) -> {
            if (!name.equals(":status")) {
                builder.withHeader(name, values);
            }
        });
        ValidationReport report = CONTRACT.validateResponse(pathOnly, Request.Method.valueOf(method), builder.build());
        assertThat(report.getMessages())
                .as("%s %s -> %d must match openapi.yaml; body: %s", method, path, response.status(), response.body())
                .filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .isEmpty();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + headers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")) + " " + body;
        }
    }
}
