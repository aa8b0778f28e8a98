package io.heliox.atlas.command.worker;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.RunLinks;

/** The links a node writes into artifacts, as a test without the HTTP adapter makes them. */
final class TestLinks implements RunLinks {

    static final TestLinks INSTANCE = new TestLinks();

    @Override
    public String result(RunId runId, String candidateId, String scenarioId) {
        return "test:/runs/" + runId + "/results/" + candidateId + "/" + scenarioId;
    }

    @Override
    public String runPackage(RunId runId, String candidateId) {
        return "test:/runs/" + runId + "/package" + (candidateId == null ? "" : "/" + candidateId);
    }
}
