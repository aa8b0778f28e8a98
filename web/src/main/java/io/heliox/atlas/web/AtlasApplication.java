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
        SpringApplication.run(AtlasApplication.class, args);
    }
}
