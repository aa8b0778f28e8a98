package io.heliox.atlas.web.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.command.application.usage.RunAdmission;
import io.heliox.atlas.command.application.workspace.WorkspaceAccess;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import io.heliox.atlas.query.usage.UsageProjection;
import io.heliox.atlas.command.worker.RunWorker;
import io.heliox.atlas.query.trading.PaperSessionProjection;
import io.heliox.atlas.query.workspace.WorkspaceProjection;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring that is ours rather than Axon's defaults: the stored event format, who-and-why
 * metadata on every message, and failure handling of the run worker.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /**
     * Axon's own ObjectMapper (found by this bean name), so web JSON settings can never change
     * the format of stored events. Instants are ISO-8601 strings.
     */
    @Bean
    @Qualifier("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .findAndRegisterModules();
    }

    /**
     * traceId (the HTTP request's, set on the first command) and correlationId flow from each
     * message to everything it causes (MessageOriginProvider); principal, workspaceId, clientTraceId and
     * grantedBy (the identity provider whose token granted a role) are copied as is.
     */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider principalCorrelationProvider() {
        return new SimpleCorrelationDataProvider(MessageContext.PRINCIPAL, Scope.METADATA_KEY,
                MessageContext.CLIENT_TRACE_ID, WorkspaceService.GRANTED_BY);
    }

    /**
     * A worker step that throws must be retried, not skipped: skipping would strand the run. The
     * propagating handler makes the tracking processor roll back and retry the event with backoff.
     */
    @Bean
    public ConfigurerModule runWorkerErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                RunWorker.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    /**
     * The workspaces projection runs in the command's transaction (subscribing): a row it cannot
     * write (a name taken) must fail the command, not be logged and skipped.
     */
    @Bean
    public ConfigurerModule workspaceProjectionErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                WorkspaceProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    /**
     * A paper session's row is written in the transaction of its events (subscribing): a row that
     * cannot be written fails the bar's command (the feed sends the bar again), rather than leave the
     * row behind the session, which the feed resumes from after a restart.
     */
    @Bean
    public ConfigurerModule paperSessionProjectionErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                PaperSessionProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    /**
     * The usage projection and the run admission run in the command's transaction (subscribing): a
     * ledger row that cannot be written, or a run its workspace's quotas refuse, fails the command.
     * (A run's slot is given back by the run worker, whose failed events are retried.)
     */
    @Bean
    public ConfigurerModule usageErrorHandling() {
        return configurer -> {
            configurer.eventProcessing().registerListenerInvocationErrorHandler(
                    UsageProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
            configurer.eventProcessing().registerListenerInvocationErrorHandler(
                    RunAdmission.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
        };
    }

    /**
     * Stamps commands sent from an HTTP request with its principal, workspace and trace id, and
     * lets each through the workspace gate before its handler.
     */
    @Bean
    public SmartInitializingSingleton commandMessageContext(CommandBus commandBus, WorkspaceAccess workspaceAccess) {
        return () -> {
            commandBus.registerDispatchInterceptor(MessageContext.dispatchInterceptor());
            commandBus.registerHandlerInterceptor(MessageContext.handlerInterceptor());
            commandBus.registerHandlerInterceptor(workspaceAccess);
        };
    }

    /** Log lines written while handling an event carry the trace id of the request that caused it. */
    @Bean
    public ConfigurerModule eventMessageContext() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((config, processorName) -> MessageContext.handlerInterceptor());
    }
}
