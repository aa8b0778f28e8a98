package io.heliox.atlas.web;

import io.heliox.atlas.web.support.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ATLAS_MANAGEMENT_PORT moves the actuator to a port of its own: probes and scrapers use it, the
 * API's port has no /actuator any more, and the metrics still need a system administrator.
 */
@TestPropertySource(properties = "management.server.port=0")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ManagementPortTest extends AtlasIntegrationTest {

    @LocalManagementPort
    private int managementPort;
    @Autowired
    private Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int onPort, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theActuatorAnswersOnItsOwnPortAndNotOnTheApis() throws Exception {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        assertThat(environment.getProperty("management.server.address")).as("the API's address, not every interface")
                .isEqualTo(environment.getProperty("server.address"));
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/prometheus").statusCode()).as("metrics need a caller").isEqualTo(401);
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", "Authorization", "Bearer " + api.apiKey());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("atlas_runs_started_total");
        assertThat(get(port, "/actuator/health", "Authorization", "Bearer " + api.apiKey()).statusCode())
                .as("the API's port serves no actuator").isEqualTo(404);
        assertThat(get(port, "/healthz").statusCode()).as("the API's own health stays").isEqualTo(200);
    }
}
