package io.heliox.atlas.web.infra;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.heliox.atlas.command.application.billing.BillingExport;
import io.heliox.atlas.command.application.billing.BillingProvider;
import io.heliox.atlas.command.application.billing.StripeMeterEvents;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Billing: the provider named by {@code ATLAS_BILLING_PROVIDER} ({@code none} by default: nothing
 * leaves the machine; {@code stripe}: Stripe's billing meter events at
 * {@code ATLAS_BILLING_STRIPE_URL} with {@code ATLAS_BILLING_STRIPE_API_KEY}), and the push of the
 * closed days' usage every {@code ATLAS_BILLING_PUSH_INTERVAL}, a db-scheduler recurring task (one
 * node runs it at a time).
 */
@Configuration(proxyBeanMethods = false)
public class BillingConfiguration {

    @Bean
    public BillingExport billingExport(JdbcTemplate jdbc, CommandGateway commands, Clock clock,
                                       @Value("${atlas.billing.provider}") String provider,
                                       @Value("${atlas.billing.stripe.url}") String stripeUrl,
                                       @Value("${atlas.billing.stripe.api-key}") String stripeKey) {
        Optional<BillingProvider> chosen = switch (provider.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "none", "" -> Optional.empty();
            case "stripe" -> Optional.of(new StripeMeterEvents(stripeUrl, stripeKey,
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()));
            default -> throw new IllegalStateException("ATLAS_BILLING_PROVIDER must be none or stripe, not " + provider);
        };
        return new BillingExport(jdbc, commands, chosen, clock);
    }

    @Bean
    public RecurringTask<Void> billingPush(BillingExport billing,
                                           @Value("${atlas.billing.push-interval}") Duration interval) {
        return Tasks.recurring("billing-push", FixedDelay.of(interval))
                .execute((instance, context) -> billing.pushClosedDays());
    }
}
