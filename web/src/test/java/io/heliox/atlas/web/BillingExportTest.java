package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.heliox.atlas.command.application.billing.BillingExport;
import io.heliox.atlas.command.application.billing.StripeMeterEvents;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage pushed to a billing provider: the Stripe adapter against a loopback fake of Stripe's
 * billing meter events (which, like Stripe, keeps one event per identifier and replays the first
 * answer to a repeated Idempotency-Key). A lost answer, a retry and a third push never bill twice;
 * a refusal for good is kept and not retried; today's usage waits for the day to close.
 */
class BillingExportTest extends AtlasIntegrationTest {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private BillingExport installed;

    private FakeStripe stripe;

    @BeforeEach
    void startStripe() throws IOException {
        stripe = new FakeStripe();
    }

    @AfterEach
    void stopStripe() {
        stripe.server.stop(0);
    }

    @Test
    void closedDaysArePushedOnceEvenWhenAnAnswerIsLost() {
        Principal grace = newUser("billing");
        UUID workspace = workspaces.defaultWorkspace(grace.userId()).orElseThrow();
        Api graceApi = api.withKey(identity.issueKey(grace.userId(), "k", null).key());
        String runId = graceApi.postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}").json()
                .get("runId").asText();
        assertThat(graceApi.events(runId).completed()).isTrue();
        Api.Response set = put(api, "/v1/workspaces/" + workspace + "/billing", "{\"customerId\":\"cus_grace\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("customerId").asText()).isEqualTo("cus_grace");
        // a workspace billed to a customer the provider does not know
        Principal henry = newUser("billing-rejected");
        UUID rejectedWorkspace = workspaces.defaultWorkspace(henry.userId()).orElseThrow();
        Api henryApi = api.withKey(identity.issueKey(henry.userId(), "k", null).key());
        assertThat(henryApi.postJson("/api/v1/scenarios", """
                {"id":"henry-bill","version":"0.1","timeframe":"1h","duration_bars":500,"seed":3,
                 "family":"trend","params":{"drift":2,"sigma":80},"volume_model":"lognormal"}""").status()).isEqualTo(201);
        assertThat(put(api, "/v1/workspaces/" + rejectedWorkspace + "/billing", "{\"customerId\":\"cus_unknown\"}")
                .status()).isEqualTo(200);

        JsonNode usage = graceApi.get("/v1/workspaces/" + workspace + "/usage?month="
                + YearMonth.now(ZoneOffset.UTC)).json();
        int graceLines = usage.get("days").size();
        assertThat(graceLines).as(usage.toString()).isGreaterThanOrEqualTo(3); // runs, model tokens, backtest bars

        // today is not closed: nothing goes yet
        assertThat(export(Clock.systemUTC()).pushClosedDays().sent()).isZero();
        assertThat(stripe.events).isEmpty();

        BillingExport tomorrow = export(Clock.offset(Clock.systemUTC(), Duration.ofDays(1).plusMinutes(10)));
        stripe.loseNextAnswer.set(true);
        BillingExport.PushReport first = tomorrow.pushClosedDays();
        assertThat(first.failed()).as(first.toString()).isEqualTo(1);
        assertThat(first.rejected()).as("cus_unknown's lines").isEqualTo(2); // scenario bars and bytes kept
        assertThat(first.sent()).isEqualTo(graceLines - 1);

        BillingExport.PushReport second = tomorrow.pushClosedDays();
        assertThat(second.sent()).as("the line whose answer was lost, again").isEqualTo(1);
        assertThat(second.rejected()).as("refusals for good are not retried").isZero();
        assertThat(tomorrow.pushClosedDays()).isEqualTo(new BillingExport.PushReport(0, 0, 0, 0));

        // the provider billed each line once, for the customer, with the ledger's quantity
        Map<String, Map<String, String>> billed = stripe.events;
        assertThat(billed).hasSize(graceLines);
        assertThat(stripe.requests).hasSize(graceLines + 1 + 2); // one retry; cus_unknown's two refusals
        Map<String, Long> byEvent = new HashMap<>();
        billed.values().forEach(e -> {
            assertThat(e.get("payload[stripe_customer_id]")).isEqualTo("cus_grace");
            byEvent.merge(e.get("event_name"), Long.parseLong(e.get("payload[value]")), Long::sum);
        });
        Map<String, Long> ledger = new HashMap<>();
        usage.get("days").forEach(d -> ledger.merge("atlas_" + d.get("meter").asText()
                .replaceAll("([A-Z])", "_$1").toLowerCase(), d.get("quantity").asLong(), Long::sum));
        assertThat(byEvent).isEqualTo(ledger);
        assertThat(byEvent).containsKeys("atlas_runs", "atlas_model_tokens", "atlas_backtest_bars");
        Map<String, String> tokens = billed.values().stream()
                .filter(e -> e.get("event_name").equals("atlas_model_tokens")).findFirst().orElseThrow();
        assertThat(tokens).containsEntry("payload[model_provider]", "local").containsEntry("payload[model]", "atlas-local-1");

        JsonNode status = api.get("/v1/workspaces/" + workspace + "/billing").json();
        assertThat(status.at("/lines/sent").asLong()).isEqualTo(graceLines);
        assertThat(api.get("/v1/workspaces/" + rejectedWorkspace + "/billing").json().at("/lines/rejected").asLong())
                .isEqualTo(2);
    }

    @Test
    void billingIsTheSystemAdministratorsToSetAndNeedsAProvider() {
        Principal ivy = newUser("billing-admin");
        UUID workspace = workspaces.defaultWorkspace(ivy.userId()).orElseThrow();
        Api ivyApi = api.withKey(identity.issueKey(ivy.userId(), "k", null).key());
        String path = "/v1/workspaces/" + workspace + "/billing";
        JsonNode status = ivyApi.get(path).json();
        assertThat(status.get("provider").isNull()).as("none configured by default").isTrue();
        assertThat(status.get("customerId").isNull()).isTrue();
        assertThat(put(ivyApi, path, "{\"customerId\":\"cus_ivy\"}").status()).as("a workspace admin").isEqualTo(403);
        Api.Response bad = put(api, path, "{\"customerId\":\"cus ivy\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/pointer").asText()).isEqualTo("/customerId");
        assertThat(put(api, path, "{\"customerId\":null}").json().get("customerId").isNull()).isTrue();
        Api.Response push = api.post("/v1/billing/push", "");
        assertThat(push.status()).isEqualTo(409);
        assertThat(push.json().get("detail").asText()).contains("ATLAS_BILLING_PROVIDER");
        assertThat(ivyApi.post("/v1/billing/push", "").status()).isEqualTo(403);
        assertThat(installed.providerName()).isEmpty();
    }

    private BillingExport export(Clock clock) {
        return new BillingExport(jdbc, commands, Optional.of(new StripeMeterEvents(stripe.url(), "sk_test_atlas",
                HttpClient.newHttpClient())), clock);
    }

    private Api.Response put(Api who, String path, String body) {
        return who.putJson(path, body);
    }

    /** Stripe's POST /v1/billing/meter_events as far as ATLAS uses it, on loopback. */
    private static final class FakeStripe {
        final HttpServer server;
        /** Events kept, by identifier: Stripe keeps one per identifier. */
        final Map<String, Map<String, String>> events = new ConcurrentHashMap<>();
        final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** Idempotency-Key → the first answer's status, replayed to a repeat. */
        final Map<String, Integer> answers = new ConcurrentHashMap<>();
        final AtomicBoolean loseNextAnswer = new AtomicBoolean();

        FakeStripe() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/billing/meter_events", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(key);
            int status;
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"Bearer sk_test_atlas".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
            } else if (answers.containsKey(key)) {
                status = answers.get(key);
            } else {
                Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (!"cus_grace".equals(form.get("payload[stripe_customer_id]"))) {
                    status = 400;
                } else {
                    events.putIfAbsent(form.get("identifier"), form);
                    status = 200;
                }
                answers.put(key, status);
            }
            if (status == 200 && loseNextAnswer.getAndSet(false)) {
                status = 502; // billed, but the answer never arrives in one piece
            }
            byte[] body = (status == 200 ? "{\"object\":\"billing.meter_event\"}"
                    : "{\"error\":{\"type\":\"invalid_request_error\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        private static Map<String, String> form(String body) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return form;
        }
    }
}
