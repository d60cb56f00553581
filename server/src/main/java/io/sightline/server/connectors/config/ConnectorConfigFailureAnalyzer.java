package io.sightline.server.connectors.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a connector configuration error into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class ConnectorConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConnectorConfigException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConnectorConfigException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the keys listed above in application.yml or in the file given with "
                        + "--spring.config.additional-location (YAML or HOCON .conf), then start again. "
                        + "Accepted keys are described in docs/connectors.md.", cause);
    }
}
