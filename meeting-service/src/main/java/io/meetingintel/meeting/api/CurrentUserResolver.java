package io.meetingintel.meeting.api;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Resolves {@link CurrentUser} parameters; a request without {@code X-User-Id} is 401. */
@Component
class CurrentUserResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    static final String HEADER = "X-User-Id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public CurrentUser resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                       NativeWebRequest request, WebDataBinderFactory binders) {
        String userId = request.getHeader(HEADER);
        if (userId == null || userId.isBlank()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Header " + HEADER + " is required (set by the gateway after authentication)");
            problem.setTitle("Unauthenticated");
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        }
        return new CurrentUser(userId.strip());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
