package io.sightline.server.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Answers the container's error dispatch of an {@code /api} request with {@code {type, message}}
 * instead of Spring Boot's default error body. It is reached by everything that fails outside a
 * controller: a filter (authentication while the database is down), a request no handler takes
 * (unknown route, wrong method or content type), a multipart body that cannot be parsed.
 */
public class ApiErrorDispatchFilter extends OncePerRequestFilter {
    private final ErrorWriter errors;

    public ApiErrorDispatchFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(originalUri(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            chain.doFilter(request, response);
            return;
        }
        if (response.isCommitted()) return;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure == null) failure = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ApiException error = failure instanceof Throwable t ? ApiErrors.of(t)
                : ApiErrors.ofStatus(status instanceof Integer i ? i : 500, request.getMethod(), originalUri(request));
        response.resetBuffer();
        errors.write(response, error);
    }

    private static String originalUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String s ? s : request.getRequestURI();
    }
}
