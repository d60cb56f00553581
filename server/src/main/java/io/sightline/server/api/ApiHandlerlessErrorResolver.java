package io.sightline.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of an {@code /api} request before a controller method is chosen (an unparseable
 * multipart body, no route, a wrong method or content type), which the controller advice does not
 * see. Answered here, they are not logged as server errors by the container.
 */
@Component
class ApiHandlerlessErrorResolver implements HandlerExceptionResolver, Ordered {
    private final ErrorWriter errors;

    public ApiHandlerlessErrorResolver(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (handler instanceof HandlerMethod || !ApiPaths.isApi(request.getRequestURI()) || response.isCommitted()) return null;
        try {
            errors.write(response, ApiErrors.of(e));
        } catch (IOException writeFailed) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
