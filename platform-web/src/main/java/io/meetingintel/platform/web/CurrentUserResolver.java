package io.meetingintel.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentUser} parameters from the header the gateway sets after authenticating the token. */
public class CurrentUserResolver implements HandlerMethodArgumentResolver {

    public static final String HEADER = "X-User-Id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentUser.class) && parameter.getParameterType() == String.class;
    }

    @Override
    public String resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return userOf(request.getHeader(HEADER));
    }

    /** The user id of a raw header value (also for WebSocket handshakes); 401 problem when absent. */
    public static String userOf(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            throw Problems.of(HttpStatus.UNAUTHORIZED, "Unauthenticated", "The " + HEADER + " header is required");
        }
        return headerValue.strip();
    }
}
