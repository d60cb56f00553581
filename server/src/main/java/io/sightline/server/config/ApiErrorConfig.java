package io.sightline.server.config;

import io.sightline.server.api.ApiErrorDispatchFilter;
import io.sightline.server.api.ApiErrorReportValve;
import io.sightline.server.api.ErrorWriter;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Makes every {@code /api} error a {@code {type, message}} body, wherever it arises. */
@Configuration
public class ApiErrorConfig {

    /** On the error dispatch only, before Spring Security (whose UI chain would otherwise see /error). */
    @Bean
    FilterRegistrationBean<ApiErrorDispatchFilter> apiErrorDispatchFilter(ErrorWriter errors) {
        var registration = new FilterRegistrationBean<>(new ApiErrorDispatchFilter(errors));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tomcat's own error page, for requests it refuses before any filter runs. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReport() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
        });
    }
}
