package io.heliox.atlas.command.orch;

import java.util.List;

/** A node's paid sub-step: the model's reply (secrets masked) and the calls it took. */
public record NodeCall(String reply, List<LlmSession.Call> calls) {

    public NodeCall {
        calls = List.copyOf(calls);
    }
}
