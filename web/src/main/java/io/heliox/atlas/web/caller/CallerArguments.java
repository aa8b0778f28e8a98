package io.heliox.atlas.web.caller;

import io.heliox.atlas.command.application.identity.Principal;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Lets a controller method take the request's {@link Caller} as a parameter. */
@Configuration(proxyBeanMethods = false)
public class CallerArguments implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
                Object caller = request.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                if (caller != null) {
                    return caller;
                }
                // an operation the workspace filter does not gate: the caller, in no workspace
                Principal principal = AtlasAuthentication.principal(SecurityContextHolder.getContext().getAuthentication())
                        .orElseThrow(() -> new IllegalStateException("a Caller parameter on an open operation"));
                return new Caller(principal, null, null);
            }
        });
    }
}
