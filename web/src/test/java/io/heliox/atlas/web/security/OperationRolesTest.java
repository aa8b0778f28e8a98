package io.heliox.atlas.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationRolesTest {

    private final OperationRoles roles = OperationRoles.fromContract();

    @Test
    void everyOperationOfTheContractHasARoleAndRequestsFindTheirs() {
        assertThat(roles.needs()).containsEntry("createRun", OperationRoles.Need.TRADER)
                .containsEntry("listRuns", OperationRoles.Need.VIEWER)
                .containsEntry("setMember", OperationRoles.Need.ADMIN)
                .containsEntry("createUser", OperationRoles.Need.SYSTEM_ADMIN)
                .containsEntry("health", OperationRoles.Need.ANYONE);
        assertThat(roles.match("POST", "/v1/runs").orElseThrow().operationId()).isEqualTo("createRun");
        assertThat(roles.match("GET", "/v1/runs").orElseThrow().operationId()).isEqualTo("listRuns");
        OperationRoles.Match member = roles.match("PUT", "/v1/workspaces/5b0c2f4e-8a61-4c55-9d4f-1f0a3c2e7b10/members/bob")
                .orElseThrow();
        assertThat(member.variables()).containsEntry("workspaceId", "5b0c2f4e-8a61-4c55-9d4f-1f0a3c2e7b10")
                .containsEntry("username", "bob");
        assertThat(roles.match("HEAD", "/v1/runs").orElseThrow().operationId()).as("HEAD is GET's").isEqualTo("listRuns");
        assertThat(roles.match("GET", "/runs/abc")).as("the UI's pages are no operation").isEmpty();
        assertThat(roles.match("DELETE", "/v1/runs")).isEmpty();
    }

    @Test
    void aContractWithAnOperationWithoutARoleIsRefused() throws Exception {
        var contract = new ObjectMapper(new YAMLFactory()).readTree("""
                paths:
                  /v1/things:
                    get:
                      operationId: listThings
                """);
        assertThatThrownBy(() -> OperationRoles.of(contract)).hasMessageContaining("listThings")
                .hasMessageContaining("x-atlas-role");
        var declared = new ObjectMapper(new YAMLFactory()).readTree("""
                paths:
                  /v1/things:
                    get:
                      operationId: listThings
                      x-atlas-role: viewer
                """);
        assertThat(OperationRoles.of(declared).needs()).isEqualTo(Map.of("listThings", OperationRoles.Need.VIEWER));
    }
}
