package io.heliox.atlas.command.application;

import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.pack.RunPackages;
import io.heliox.atlas.command.run.RunStates;
import io.heliox.atlas.packaging.HspVerifier;
import io.heliox.atlas.packaging.PackageSigningKeys;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Strategy packages: this installation's signing key, a run's package (the packed candidate's, or
 * any ranked candidate's, built on first request) and the verdict on a package someone hands in.
 *
 * <p>Trust policy: only this installation's own key is trusted, the key {@link #signingKeys()}
 * lists; a package signed by any other key is reported invalid. The unpacked-size limit is the
 * guard against a package built to exhaust memory.
 */
public class PackageService {

    /** A public key packages are verified with. */
    public record SigningKey(String id, String alg, String publicKeyBase64) {
    }

    /** A package file and the name a download should save it under. */
    public record PackageFile(String candidateId, String fileName, byte[] bytes) {
    }

    private final EventStore eventStore;
    private final RunPackages packages;
    private final PackageSigningKeys keys;
    private final HspVerifier verifier;
    private final Clock clock;

    public PackageService(EventStore eventStore, RunPackages packages, PackageSigningKeys keys, Clock clock) {
        this.eventStore = eventStore;
        this.packages = packages;
        this.keys = keys;
        this.clock = clock;
        this.verifier = new HspVerifier(id -> id.equals(keys.keyId()) ? Optional.of(keys.publicKeyBase64())
                : Optional.empty(), RunPackages.MAX_UNPACKED_BYTES);
    }

    public List<SigningKey> signingKeys() {
        return List.of(new SigningKey(keys.keyId(), "Ed25519", keys.publicKeyBase64()));
    }

    /**
     * The run's package of a candidate: {@code candidateId} null means the one the pack phase packed.
     *
     * @throws NotFoundException for an unknown run, a run not yet packed (when no candidate is named), or a
     *                  candidate the run did not rank
     */
    public PackageFile runPackage(RunId runId, String candidateId, Scope scope) {
        RunState run = RunStates.find(eventStore, runId, scope).orElseThrow(() -> new NotFoundException("no run " + runId));
        String chosen = candidateId != null ? candidateId : packedCandidate(run);
        byte[] bytes = packages.ensure(run, chosen, clock.instant()).bytes();
        return new PackageFile(chosen, chosen + "-" + runId.toString().substring(0, 8) + ".hsp", bytes);
    }

    /** The candidate the pack phase packaged; before pack, there is no "the" package yet. */
    private static String packedCandidate(RunState run) {
        return run.pack().map(p -> p.manifest().strategyId()).orElseThrow(() -> new NotFoundException(
                "run " + run.runId() + " has no package yet (its pack phase has not finished); ask for a ranked "
                        + "candidate's package by its id"));
    }

    public HspVerifier.Verification verify(byte[] packageBytes) {
        return verifier.verify(packageBytes);
    }
}
