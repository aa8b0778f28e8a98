package io.heliox.atlas.command.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.kernel.SizedLru;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which workspace an aggregate belongs to: the {@code workspaceId} metadata of its first event.
 * Read from the event store, not a projection, so an aggregate created a moment ago already has
 * its owner; cached for good, since an aggregate's workspace never changes (ids are ~40 bytes:
 * 2 MB holds ~20,000).
 */
public class AggregateOwners {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final SizedLru<String> owners = new SizedLru<>(2 << 20, owner -> 100);

    public AggregateOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The workspace id ("" when it was created in none), or empty when the aggregate does not exist (yet). */
    public Optional<String> owner(String aggregateId) {
        Optional<String> cached = owners.get(aggregateId);
        if (cached.isPresent()) {
            return cached;
        }
        List<byte[]> rows = jdbc.query(
                "select meta_data from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                (rs, i) -> rs.getBytes(1), aggregateId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String owner = workspaceIn(rows.get(0));
        owners.put(aggregateId, owner);
        return Optional.of(owner);
    }

    /** The workspace an existing aggregate was created in; empty when it does not exist or belongs to none. */
    public Optional<UUID> workspace(String aggregateId) {
        return owner(aggregateId).filter(owner -> !owner.isEmpty()).map(UUID::fromString);
    }

    private static String workspaceIn(byte[] metaData) {
        if (metaData == null) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(metaData).get(Scope.METADATA_KEY);
            return node == null || node.isNull() ? "" : node.asText();
        } catch (IOException e) {
            return "";
        }
    }
}
