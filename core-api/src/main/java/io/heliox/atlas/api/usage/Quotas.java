package io.heliox.atlas.api.usage;

import java.util.EnumMap;
import java.util.Map;

/**
 * A workspace's quotas: each a limit, or absent where the workspace keeps the installation's
 * default ({@code ATLAS_QUOTA_*}). The map's keys are {@link Quota}s; values are non-negative.
 */
public record Quotas(Map<Quota, Long> limits) {

    public Quotas {
        EnumMap<Quota, Long> copy = new EnumMap<>(Quota.class);
        limits.forEach((quota, limit) -> {
            if (limit == null) {
                return;
            }
            if (limit < 0) {
                throw new IllegalArgumentException(quota.wireName() + " must be >= 0, not " + limit);
            }
            copy.put(quota, limit);
        });
        limits = Map.copyOf(copy);
    }

    public static Quotas none() {
        return new Quotas(Map.of());
    }

    /** This workspace's own limit for {@code quota}, else {@code defaults}'s, else unlimited. */
    public long limit(Quota quota, Quotas defaults) {
        Long own = limits.get(quota);
        if (own != null) {
            return own;
        }
        Long fallback = defaults.limits.get(quota);
        return fallback == null ? Long.MAX_VALUE : fallback;
    }

    public boolean sets(Quota quota) {
        return limits.containsKey(quota);
    }
}
