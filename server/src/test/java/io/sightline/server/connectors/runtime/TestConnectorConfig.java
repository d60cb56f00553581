package io.sightline.server.connectors.runtime;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

@TestConfiguration(proxyBeanMethods = false)
class TestConnectorConfig {
    static final String KEY = "tc-secret-key-4242";

    @Bean
    TestConnector testConnector(ConfigurableEnvironment env) {
        return new TestConnector(env);
    }
}
