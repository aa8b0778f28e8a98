package io.heliox.atlas.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTest {

    @Test
    void inlineScriptsAreAllowedByTheirHashAndScriptFilesByOrigin() {
        // the example of the CSP specification (and MDN): alert('Hello, world.');
        String html = "<html><head><script src=\"/_app/x.js\"></script></head>"
                + "<body><script>alert('Hello, world.');</script></body></html>";
        assertThat(ContentSecurityPolicy.inlineScriptHashes(html))
                .containsExactly("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");

        String policy = ContentSecurityPolicy.forIndex(new ByteArrayResource(html.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public boolean exists() {
                return true;
            }
        });
        String scripts = policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src")));
        assertThat(scripts).isEqualTo("script-src 'self' 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
        assertThat(policy).contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void withoutABuiltUiOnlyScriptFilesOfThisOriginRun() {
        String policy = ContentSecurityPolicy.forIndex(new ByteArrayResource(new byte[0]) {
            @Override
            public boolean exists() {
                return false;
            }
        });
        assertThat(policy).contains("script-src 'self';");
    }
}
