package io.heliox.atlas.web.infra;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat rejects an encoded slash ({@code %2F}) in a path on its own, before the application sees
 * the request, with an HTML error page: a client sending {@code /v1/runs/..%2Fx} got no
 * problem+json (the contract fuzzer found it). Passing it through lets the application answer
 * as it does for any other malformed id: a 400 problem with a pointer. The slash stays encoded,
 * so it can never be taken for a path separator.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
