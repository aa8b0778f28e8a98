package io.heliox.atlas.web.infra;

import io.heliox.atlas.api.identity.AccountCommand;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.api.workspace.WorkspaceCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * Who and why of every message (invariant 7): the principal, the workspace and the trace id travel
 * in Axon metadata, and in the logging MDC of the thread handling the message. A command about a
 * workspace itself acts in that workspace, so its events are in that workspace's audit trail.
 */
public final class MessageContext {

    public static final String PRINCIPAL = "principal";
    public static final String TRACE_ID = "traceId";
    /** The trace id the client sent, if any: kept beside the server's own, never in its place. */
    public static final String CLIENT_TRACE_ID = "clientTraceId";
    /** The principal of a request until the security chain knows its caller (only open paths stay so). */
    public static final String ANONYMOUS_PRINCIPAL = "anonymous";
    /** The principal of messages no person sent (deadlines, start-up work). */
    public static final String SYSTEM_PRINCIPAL = "system";

    private MessageContext() {
    }

    static MessageDispatchInterceptor<CommandMessage<?>> dispatchInterceptor() {
        return messages -> (index, message) -> {
            Map<String, Object> added = new HashMap<>();
            if (!message.getMetaData().containsKey(PRINCIPAL)) {
                String principal = MDC.get(PRINCIPAL);
                added.put(PRINCIPAL, principal == null ? SYSTEM_PRINCIPAL : principal);
            }
            String traceId = MDC.get(TRACE_ID);
            if (traceId != null && !message.getMetaData().containsKey(TRACE_ID)) {
                added.put(TRACE_ID, traceId);
            }
            if (message.getPayload() instanceof WorkspaceCommand command) {
                added.put(Scope.METADATA_KEY, command.workspaceId().toString());
            } else if (message.getPayload() instanceof AccountCommand) {
                // an account is in no workspace: its facts are for system administrators' eyes
            } else {
                String workspace = MDC.get(Scope.METADATA_KEY);
                if (workspace != null && !message.getMetaData().containsKey(Scope.METADATA_KEY)) {
                    added.put(Scope.METADATA_KEY, workspace);
                }
            }
            String clientTraceId = MDC.get(CLIENT_TRACE_ID);
            if (clientTraceId != null && !message.getMetaData().containsKey(CLIENT_TRACE_ID)) {
                added.put(CLIENT_TRACE_ID, clientTraceId);
            }
            return added.isEmpty() ? message : message.andMetaData(added);
        };
    }

    static <T extends Message<?>> MessageHandlerInterceptor<T> handlerInterceptor() {
        return (unitOfWork, chain) -> {
            Object traceId = unitOfWork.getMessage().getMetaData().get(TRACE_ID);
            String previous = MDC.get(TRACE_ID);
            if (traceId != null) {
                MDC.put(TRACE_ID, traceId.toString());
            }
            try {
                return chain.proceed();
            } finally {
                if (previous == null) {
                    MDC.remove(TRACE_ID);
                } else {
                    MDC.put(TRACE_ID, previous);
                }
            }
        };
    }
}
