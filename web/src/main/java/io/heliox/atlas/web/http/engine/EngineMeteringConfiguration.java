package io.heliox.atlas.web.http.engine;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.heliox.atlas.command.application.usage.PendingBacktestBars;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The engine API's metering ({@link PendingBacktestBars}): requests leave rows, and a db-scheduler
 * recurring task (one node at a time) records them every {@code ATLAS_USAGE_ENGINE_FLUSH_INTERVAL}.
 */
@Configuration(proxyBeanMethods = false)
public class EngineMeteringConfiguration {

    /** db-scheduler's name of the task: it is a row in the database, so it never changes. */
    public static final String TASK_NAME = "usage-engine-bars";

    @Bean
    public RecurringTask<Void> engineBarsFlush(PendingBacktestBars pending,
                                               @Value("${atlas.usage.engine-flush-interval}") Duration interval) {
        return Tasks.recurring(TASK_NAME, FixedDelay.of(interval))
                .execute((instance, context) -> {
                    while (pending.flush() == PendingBacktestBars.BATCH) {
                        // a full batch: more may be waiting
                    }
                });
    }
}
