package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Liveness with a real database check, and what build is running. */
@RestController
public class SystemController {

    private final JdbcTemplate jdbc;
    private final String version;
    private final String commit;

    public SystemController(JdbcTemplate jdbc, ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
        this.jdbc = jdbc;
        BuildProperties buildProperties = build.getIfAvailable();
        GitProperties gitProperties = git.getIfAvailable();
        this.version = buildProperties == null ? "dev" : buildProperties.getVersion();
        this.commit = gitProperties == null || gitProperties.getShortCommitId() == null
                ? "unknown" : gitProperties.getShortCommitId();
    }

    @GetMapping(path = "/healthz", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> health(HttpServletRequest request) {
        try {
            jdbc.queryForObject("select 1", Integer.class);
        } catch (RuntimeException e) {
            return ProblemResponses.body(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                    "the database does not answer: " + e.getClass().getSimpleName(), List.of(), request);
        }
        return ResponseEntity.ok(JsonNodeFactory.instance.objectNode().put("status", "ok").put("db", "up"));
    }

    @GetMapping(path = "/version", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode version() {
        return JsonNodeFactory.instance.objectNode().put("version", version).put("commit", commit);
    }
}
