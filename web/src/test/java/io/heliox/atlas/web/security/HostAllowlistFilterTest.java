package io.heliox.atlas.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostAllowlistFilterTest {

    @Test
    void onLoopbackOnlyTheLoopbackNamesAreAnswered() throws Exception {
        HostAllowlistFilter filter = HostAllowlistFilter.of(List.of(), "127.0.0.1");
        assertThat(status(filter, "localhost")).isEqualTo(200);
        assertThat(status(filter, "127.0.0.1")).isEqualTo(200);
        assertThat(status(filter, "[::1]")).isEqualTo(200);
        assertThat(status(filter, "attacker.example")).as("a rebound DNS name").isEqualTo(400);
    }

    @Test
    void configuredNamesReplaceTheDefaultAndTheNetworkDefaultAnswersAnyName() throws Exception {
        HostAllowlistFilter named = HostAllowlistFilter.of(List.of(" Atlas.Example.com ", ""), "0.0.0.0");
        assertThat(status(named, "atlas.example.com")).isEqualTo(200);
        assertThat(status(named, "localhost")).isEqualTo(400);
        assertThat(status(HostAllowlistFilter.of(List.of(), "0.0.0.0"), "anything.example")).isEqualTo(200);
        assertThat(status(HostAllowlistFilter.of(List.of(), ""), "anything.example")).isEqualTo(200);
    }

    private static int status(HostAllowlistFilter filter, String host) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/runs");
        request.setServerName(host);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
