package io.heliox.atlas.web.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Where the actuator listens when it has a port of its own ({@code ATLAS_MANAGEMENT_PORT}):
 * {@code ATLAS_MANAGEMENT_ADDRESS}, else the API's address. Spring Boot would bind it to every
 * interface, which for a server that answers only on loopback by default would open the metrics
 * to the network; it also refuses an address when the actuator shares the API's port, so the
 * address is set here only when the port is separate.
 */
public class ManagementAddress implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty("management.server.port", "");
        String serverPort = environment.getProperty("server.port", "8080");
        boolean samePort = port.equals(serverPort) && !port.equals("0"); // 0 and 0: two random ports
        if (port.isBlank() || samePort || environment.containsProperty("management.server.address")) {
            return;
        }
        String address = environment.getProperty("ATLAS_MANAGEMENT_ADDRESS",
                environment.getProperty("server.address", "127.0.0.1"));
        environment.getPropertySources().addLast(new MapPropertySource("atlas-management-address",
                Map.of("management.server.address", address)));
    }
}
