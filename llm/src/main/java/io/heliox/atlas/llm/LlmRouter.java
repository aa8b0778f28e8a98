package io.heliox.atlas.llm;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Routing: the preferred provider, then each fallback, then the local model, which
 * is always last and always there. Each remote route has its own circuit breaker (an open breaker
 * skips the provider without calling it) and retries with exponential backoff on retryable
 * failures only (429, 5xx, timeouts); an auth error or a bad request goes straight to the next
 * route. A model outside the provider's allowlist is refused before any call. Remote answers go to
 * the {@link ReplayCache}, and the same call (template, model, prompt, seed) is answered from it.
 */
public final class LlmRouter implements LlmProvider {

    private static final Logger log = LoggerFactory.getLogger(LlmRouter.class);

    /** One provider with the model to ask for on it and the models it may be asked for at all. */
    public record Route(LlmProvider provider, String model, Set<String> allowlist) {
        public Route {
            allowlist = Set.copyOf(allowlist);
            if (!allowlist.contains("*") && !allowlist.contains(model)) {
                throw new IllegalArgumentException("model " + model + " is not in the " + provider.name()
                        + " allowlist " + allowlist);
            }
        }
    }

    /** Retry and breaker settings; {@link #DEFAULTS} for production, tests shorten the waits. */
    public record Resilience(int attempts, Duration firstBackoff, double backoffMultiplier, int breakerWindow,
                             int breakerMinimumCalls, float breakerFailureRatePercent, Duration breakerOpenFor) {
        public static final Resilience DEFAULTS = new Resilience(3, Duration.ofMillis(500), 2.0, 10, 4, 50f,
                Duration.ofSeconds(30));
    }

    private record Guarded(Route route, CircuitBreaker breaker, Retry retry) {
    }

    private final List<Guarded> routes = new ArrayList<>();
    private final LlmProvider local;
    private final ReplayCache replay;

    public LlmRouter(List<Route> remote, LlmProvider local, Resilience resilience) {
        this(remote, local, resilience, ReplayCache.NONE);
    }

    /** @param replay where remote answers are recorded and replayed from (the local model's are not: it is deterministic) */
    public LlmRouter(List<Route> remote, LlmProvider local, Resilience resilience, ReplayCache replay) {
        this.replay = replay;
        for (Route route : remote) {
            String name = route.provider().name();
            CircuitBreaker breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(resilience.breakerWindow())
                    .minimumNumberOfCalls(resilience.breakerMinimumCalls())
                    .failureRateThreshold(resilience.breakerFailureRatePercent())
                    .waitDurationInOpenState(resilience.breakerOpenFor())
                    .recordException(e -> e instanceof LlmFailure)
                    .build());
            Retry retry = Retry.of(name, RetryConfig.custom()
                    .maxAttempts(resilience.attempts())
                    .intervalFunction(IntervalFunction.ofExponentialBackoff(resilience.firstBackoff(),
                            resilience.backoffMultiplier()))
                    .retryOnException(e -> e instanceof LlmFailure f && f.kind().retryable())
                    .build());
            routes.add(new Guarded(route, breaker, retry));
        }
        this.local = local;
    }

    @Override
    public String name() {
        return "router";
    }

    /** The names of the routes in order, local last: what the logs and the README call the routing. */
    public List<String> order() {
        List<String> out = new ArrayList<>();
        routes.forEach(g -> out.add(g.route().provider().name() + ":" + g.route().model()));
        out.add(local.name());
        return out;
    }

    /** The breaker state of a remote provider (CLOSED, OPEN, HALF_OPEN), for tests and health. */
    public CircuitBreaker.State breakerState(String provider) {
        return routes.stream().filter(g -> g.route().provider().name().equals(provider)).findFirst()
                .map(g -> g.breaker().getState()).orElseThrow();
    }

    @Override
    public LlmReply complete(LlmCall call) {
        List<String> failures = new ArrayList<>();
        for (Guarded g : routes) {
            String name = g.route().provider().name();
            LlmCall routed = call.withModel(g.route().model());
            String key = ReplayCache.key(routed);
            var recorded = replay.find(key);
            if (recorded.isPresent()) {
                log.info("llm route provider={} model={} outcome=replayed key={}", name, routed.modelId(), key);
                LlmReply reply = recorded.get();
                return reply.provider().isEmpty() ? reply.fromProvider(name) : reply;
            }
            long start = System.nanoTime();
            try {
                LlmReply reply = Retry.decorateSupplier(g.retry(),
                        CircuitBreaker.decorateSupplier(g.breaker(), () -> g.route().provider().complete(routed))).get();
                log.info("llm route provider={} model={} latency_ms={} outcome=ok", name, reply.modelId(), millis(start));
                replay.save(key, reply);
                return reply;
            } catch (CallNotPermittedException open) {
                failures.add(name + ": circuit open");
                log.info("llm route provider={} outcome=skipped reason=circuit_open", name);
            } catch (LlmFailure failure) {
                failures.add(name + ": " + failure.kind().code());
                log.warn("llm route provider={} model={} latency_ms={} outcome=failed kind={}", name, routed.modelId(),
                        millis(start), failure.kind().code());
            }
        }
        LlmReply reply = local.complete(call);
        if (!failures.isEmpty()) {
            log.warn("llm route fell back to {} after {}", local.name(), failures);
        }
        return reply;
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
