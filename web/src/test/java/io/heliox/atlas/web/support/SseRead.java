package io.heliox.atlas.web.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A whole SSE stream as read: its raw text and its events in order (comments dropped). */
public record SseRead(String raw, List<Event> events) {

    public record Event(String id, String type, String data) {
        public JsonNode json() {
            try {
                return Api.JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public long seq() {
            return Long.parseLong(id);
        }
    }

    public static SseRead parse(String raw) {
        List<Event> events = new ArrayList<>();
        String id = null;
        String type = null;
        StringBuilder data = null;
        for (String line : raw.split("\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(id, type == null ? "message" : type, data.toString()));
                }
                id = null;
                type = null;
                data = null;
            } else if (line.startsWith(":")) {
                continue; // comment (heartbeat)
            } else if (line.startsWith("id:")) {
                id = value(line);
            } else if (line.startsWith("event:")) {
                type = value(line);
            } else if (line.startsWith("data:")) {
                data = data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
            }
        }
        return new SseRead(raw, List.copyOf(events));
    }

    private static String value(String line) {
        String v = line.substring(line.indexOf(':') + 1);
        return v.startsWith(" ") ? v.substring(1) : v;
    }

    public List<Long> seqs() {
        return events.stream().map(Event::seq).toList();
    }

    /**
     * 1, 2, …, n: what every complete stream of a run must be. A run in llm mode has a status per
     * checkpoint, so n depends on the run (9 for a run whose synth needed no repair); a mock run has 7.
     */
    public List<Long> gaplessSeqs() {
        return java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList();
    }

    /** True when the last event is the pack artifact, the end of a completed run. */
    public boolean completed() {
        if (events.isEmpty()) {
            return false;
        }
        JsonNode last = events.get(events.size() - 1).json();
        return last.path("phase").asText().equals("pack") && last.path("type").asText().equals("artifact");
    }
}
