package io.sightline.server.connectors.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad connector block stops the application with one report listing every error. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Test
    void startUpFailsWithOneReportListingAllErrors(CapturedOutput output) {
        SpringApplication app = new SpringApplication(ReadsMisp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--misp.interval=soon", "--misp.servers[0].name=a",
                "--misp.servers[0].url=ftp://a.example", "--misp.servers[0].auth.key=never-printed-key",
                "--misp.servers[0].auth.type=token"))
                .hasRootCauseInstanceOf(ConnectorConfigException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Invalid configuration of 'misp' (3 errors):")
                .contains("misp.interval: 'soon' is not a duration")
                .contains("misp.servers[0].url: expected an http:// or https:// URL with a host, got 'ftp://a.example'")
                .contains("misp.servers[0].auth.type: expected one of key, bearer, basic, none, got 'token'")
                .contains("Accepted keys are described in docs/connectors.md")
                .doesNotContain("never-printed-key");
    }

    @Configuration(proxyBeanMethods = false)
    static class ReadsMisp {
        @Bean
        ConfigBlock misp(ConfigurableEnvironment env) {
            return ConnectorConfigReader.read(env, "misp", SampleSpecs.misp());
        }
    }
}
