package io.heliox.atlas.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Heliox ATLAS: REST + SSE over the event-sourced run orchestration. */
@SpringBootApplication(scanBasePackages = "io.heliox.atlas")
@ConfigurationPropertiesScan("io.heliox.atlas")
public class AtlasApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        // Local-first: Axon's update checker would call get.axoniq.io at start-up (ZeroEgressTest
        // caught it). Off unless someone explicitly turns it on.
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(AtlasApplication.class, args);
    }
}
