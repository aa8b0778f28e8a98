package io.heliox.atlas.command.application.billing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stripe's metered usage: one billing meter event per line ({@code POST /v1/billing/meter_events},
 * form-encoded: {@code event_name}, {@code payload[stripe_customer_id]}, {@code payload[value]},
 * {@code identifier}, {@code timestamp}). The line's identifier is both the event's
 * {@code identifier} (Stripe keeps one event per identifier) and the request's
 * {@code Idempotency-Key} (a retried request gets the first one's answer), so a retry never bills
 * twice. A plain JDK HTTP client: one form POST does not justify the Stripe SDK's global settings.
 */
public final class StripeMeterEvents implements BillingProvider {

    private final URI endpoint;
    private final String apiKey;
    private final HttpClient http;

    /** @param baseUrl {@code https://api.stripe.com}, or a fake's in tests */
    public StripeMeterEvents(String baseUrl, String apiKey, HttpClient http) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the Stripe provider needs an API key (ATLAS_BILLING_STRIPE_API_KEY)");
        }
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/billing/meter_events");
        this.apiKey = apiKey;
        this.http = http;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public void send(MeterEvent event) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event_name", event.eventName());
        form.put("identifier", event.identifier());
        form.put("timestamp", Long.toString(event.timestamp().getEpochSecond()));
        form.put("payload[stripe_customer_id]", event.customerId());
        form.put("payload[value]", Long.toString(event.value()));
        event.dimensions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(d -> form.put("payload[" + d.getKey() + "]", d.getValue()));
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", event.identifier())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BillingFailure("Stripe did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BillingFailure("interrupted while sending to Stripe", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        // 429, 409 (an idempotent request still in flight) and 5xx may succeed later; other 4xx will not
        boolean retryable = status == 429 || status == 409 || status >= 500;
        throw new BillingFailure("Stripe answered " + status + ": " + abbreviate(response.body()), retryable);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
