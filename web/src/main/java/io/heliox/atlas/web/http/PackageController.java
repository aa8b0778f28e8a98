package io.heliox.atlas.web.http;

import io.heliox.atlas.web.caller.Caller;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.command.application.PackageService;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.packaging.HspPackage;
import io.heliox.atlas.packaging.HspVerifier;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import java.util.List;
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

    private final PackageService packages;

    public PackageController(PackageService packages) {
        this.packages = packages;
    }

    @GetMapping(path = "/v1/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode keys() {
        ObjectNode body = JSON.objectNode();
        ArrayNode keys = body.putArray("keys");
        packages.signingKeys().forEach(key -> keys.addObject().put("id", key.id()).put("alg", key.alg())
                .put("publicKey", key.publicKeyBase64()));
        return body;
    }

    @GetMapping(path = "/v1/runs/{id}/package")
    public ResponseEntity<byte[]> download(@PathVariable String id, @RequestParam(required = false) String candidate,
                                           Caller caller) {
        RunId runId = Params.runId(id);
        if (candidate != null && !CANDIDATE_ID.matcher(candidate).matches()) {
            throw ApiProblem.invalidParameter("/query/candidate", "must be a strategy id (" + CANDIDATE_ID.pattern() + ")");
        }
        PackageService.PackageFile file = packages.runPackage(runId, candidate, caller.scope());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(HspPackage.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.bytes());
    }

    @PostMapping(path = "/v1/packages/verify", consumes = {HspPackage.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode verify(HttpServletRequest request) {
        byte[] body = read(request);
        if (body.length == 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty-body", "Request body is empty",
                    "send the package file's bytes", List.of(new Violation("", "the body is empty", null)));
        }
        HspVerifier.Verification verdict = packages.verify(body);
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
