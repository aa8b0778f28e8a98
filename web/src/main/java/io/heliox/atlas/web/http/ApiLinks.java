package io.heliox.atlas.web.http;

import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.run.RunLinks;
import org.springframework.stereotype.Component;

/**
 * The API's paths of a run's resources, as run artifacts record them. Recorded runs keep the links
 * they were written with, so a path changed here must keep the old one answering.
 */
@Component
public class ApiLinks implements RunLinks {

    @Override
    public String result(RunId runId, String candidateId, String scenarioId) {
        return "/v1/runs/" + runId + "/results/" + candidateId + "/" + scenarioId;
    }

    @Override
    public String runPackage(RunId runId, String candidateId) {
        return "/v1/runs/" + runId + "/package" + (candidateId == null ? "" : "?candidate=" + candidateId);
    }
}
