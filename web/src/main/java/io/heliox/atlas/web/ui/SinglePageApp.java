package io.heliox.atlas.web.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Serves the SvelteKit app built into the jar ({@code classpath:/static/}). Client routes such as
 * {@code /runs/<id>} get {@code index.html}, so a reload or a shared link works; API paths never
 * do, so an unknown {@code /v1/...} stays a real 404 problem. Hashed assets under
 * {@code /_app/immutable/} are cached for a year; {@code index.html} is always revalidated.
 */
@Configuration(proxyBeanMethods = false)
public class SinglePageApp implements WebMvcConfigurer {

    private static final List<String> SERVER_PREFIXES = List.of("v1/", "api/", "actuator/", "healthz", "version");
    private static final Resource INDEX = new ClassPathResource("static/index.html");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/_app/immutable/**")
                .addResourceLocations("classpath:/static/_app/immutable/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new FallbackToIndex());
    }

    /** A file if there is one; else, for a client route, the app's index.html. */
    static final class FallbackToIndex extends PathResourceResolver {
        @Override
        protected Resource getResource(String path, Resource location) throws IOException {
            Resource file = super.getResource(path, location);
            if (file != null) {
                return file;
            }
            if (SERVER_PREFIXES.stream().anyMatch(path::startsWith) || looksLikeAFile(path) || !INDEX.exists()) {
                return null; // a real 404
            }
            return INDEX;
        }

        private static boolean looksLikeAFile(String path) {
            String last = path.substring(path.lastIndexOf('/') + 1);
            return last.contains(".");
        }
    }
}
