package io.meetingintel.bot.api;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentUser} from X-User-Id; a request without it is 401. */
class CurrentUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public CurrentUser resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                       NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String userId = request.getHeader(CurrentUser.HEADER);
        if (userId == null || userId.isBlank()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Header " + CurrentUser.HEADER + " is required (set by the gateway after authentication)");
            problem.setTitle("Unauthenticated");
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        }
        return new CurrentUser(userId.trim());
    }
}
