package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.packaging.HspVerifier;
import io.heliox.atlas.packaging.PackageSigningKeys;
import io.heliox.atlas.command.pack.RunPackages;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.run.RunStates;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strategy packages over HTTP: the signing key ({@code GET /v1/keys}), a run's package
 * ({@code GET /v1/runs/{id}/package}, the best candidate's or, with {@code ?candidate=}, any
 * ranked candidate's, built on first request) and verification of an uploaded package
 * ({@code POST /v1/packages/verify}, the verdict as the answer).
 */
@RestController
public class PackageController {

    /** Packages are a few KB; 16 MB leaves room for big strategies and refuses floods. */
    static final int MAX_UPLOAD_BYTES = 16 << 20;
    private static final Pattern CANDIDATE_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EventStore eventStore;
    private final RunPackages packages;
    private final PackageSigningKeys keys;
    private final HspVerifier verifier;
    private final Clock clock;

    public PackageController(EventStore eventStore, RunPackages packages, PackageSigningKeys keys, Clock clock) {
        this.eventStore = eventStore;
        this.packages = packages;
        this.keys = keys;
        this.clock = clock;
        // Only this installation's key is trusted (the one GET /v1/keys lists); the unpacked size
        // limit is the zip-bomb guard.
        this.verifier = new HspVerifier(id -> id.equals(keys.keyId()) ? Optional.of(keys.publicKeyBase64())
                : Optional.empty(), RunPackages.MAX_UNPACKED_BYTES);
    }

    @GetMapping(path = "/v1/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode keys() {
        ObjectNode body = JSON.objectNode();
        body.putArray("keys").addObject().put("id", keys.keyId()).put("alg", "Ed25519")
                .put("publicKey", keys.publicKeyBase64());
        return body;
    }

    @GetMapping(path = "/v1/runs/{id}/package")
    public ResponseEntity<byte[]> download(@PathVariable String id, @RequestParam(required = false) String candidate) {
        RunId runId = Params.runId(id);
        if (candidate != null && !CANDIDATE_ID.matcher(candidate).matches()) {
            throw ApiProblem.invalidParameter("/query/candidate", "must be a strategy id (" + CANDIDATE_ID.pattern() + ")");
        }
        RunState history = RunHistories.read(eventStore, runId);
        String candidateId = candidate != null ? candidate : packedCandidate(history);
        byte[] bytes = build(history, candidateId);
        String fileName = candidateId + "-" + runId.toString().substring(0, 8) + ".hsp";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(RunPackages.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(bytes);
    }

    /** The candidate the pack phase packaged; before pack, there is no "the" package yet. */
    private static String packedCandidate(RunState history) {
        var pack = history.artifacts().get(Phase.PACK);
        if (pack == null) {
            throw ApiProblem.notFound("run " + history.runId() + " has no package yet (its pack phase has not "
                    + "finished); ask for a ranked candidate's with ?candidate=");
        }
        return pack.at("/manifest/strategyId").asText();
    }

    private byte[] build(RunState history, String candidateId) {
        try {
            return packages.ensure(history, candidateId, clock.instant()).bytes();
        } catch (RunPackages.NotPackageable e) {
            throw ApiProblem.notFound(e.getMessage());
        }
    }

    @PostMapping(path = "/v1/packages/verify", consumes = {RunPackages.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode verify(HttpServletRequest request) {
        byte[] body = read(request);
        if (body.length == 0) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "empty-body", "Request body is empty",
                    "send the package file's bytes", java.util.List.of(new io.heliox.atlas.contracts.Violation("",
                    "the body is empty", null)));
        }
        HspVerifier.Verification verdict = verifier.verify(body);
        ObjectNode answer = JSON.objectNode();
        answer.put("valid", verdict.valid());
        answer.put("keyId", verdict.keyId());
        ArrayNode problems = answer.putArray("problems");
        verdict.problems().forEach(p -> problems.addObject().put("code", p.code()).put("message", p.message()));
        if (verdict.manifest() != null) {
            answer.set("manifest", verdict.manifest());
        }
        return answer;
    }

    private static byte[] read(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
            if (bytes.length > MAX_UPLOAD_BYTES) {
                throw ApiProblem.tooLarge(MAX_UPLOAD_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
