package io.heliox.atlas.web.http;

import io.heliox.atlas.web.infra.AtlasProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Browsers from the configured origins only (ATLAS_CORS_ORIGINS); the same-origin UI needs none. */
@Configuration(proxyBeanMethods = false)
public class CorsConfiguration implements WebMvcConfigurer {

    private final AtlasProperties properties;

    public CorsConfiguration(AtlasProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        String[] origins = properties.http().corsAllowedOrigins().toArray(String[]::new);
        for (String path : new String[] {"/v1/**", "/api/v1/**", "/healthz", "/version"}) {
            registry.addMapping(path)
                    .allowedOrigins(origins)
                    .allowedMethods("GET", "POST", "DELETE")
                    .allowedHeaders("Content-Type", "Last-Event-ID", "X-Request-Id", "traceparent", "Authorization", "X-XSRF-TOKEN")
                    .exposedHeaders("Location", TraceFilter.TRACE_HEADER)
                    .maxAge(600);
        }
    }
}
