package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.query.DatabaseCheck;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** Liveness with a real database check, and what build is running. */
@RestController
public class SystemController {

    private final DatabaseCheck database;
    private final String version;
    private final String commit;
    private final ApplicationAvailability availability;

    public SystemController(DatabaseCheck database, ApplicationAvailability availability,
                            ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
        this.availability = availability;
        this.database = database;
        BuildProperties buildProperties = build.getIfAvailable();
        GitProperties gitProperties = git.getIfAvailable();
        this.version = buildProperties == null ? "dev" : buildProperties.getVersion();
        this.commit = gitProperties == null || gitProperties.getShortCommitId() == null
                ? "unknown" : gitProperties.getShortCommitId();
    }

    @GetMapping(path = "/healthz", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> health(HttpServletRequest request) {
        Optional<String> problem = database.problem();
        if (problem.isEmpty() && availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            // the first start's administrator and workspace are made once the application is ready
            problem = Optional.of("starting: not ready for traffic yet");
        }
        if (problem.isPresent()) {
            return ProblemResponses.body(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                    problem.get(), List.of(), request);
        }
        return ResponseEntity.ok(JsonNodeFactory.instance.objectNode().put("status", "ok").put("db", "up"));
    }

    @GetMapping(path = "/version", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode version() {
        return JsonNodeFactory.instance.objectNode().put("version", version).put("commit", commit);
    }
}
