package io.sightline.server.config;

import io.sightline.server.common.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the data folder owner-only (0700) before any bean opens it, or tightens an existing one
 * and says so once: it holds the H2 database, whose files H2 creates with the process's umask,
 * and the uploaded files, so the folder itself is what keeps other local users out.
 * A bean factory post-processor, as that runs before the data source and Flyway exist.
 */
@Component
public class DataFolderPermissions implements BeanFactoryPostProcessor, EnvironmentAware {
    private static final Logger log = LoggerFactory.getLogger(DataFolderPermissions.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String configured = environment.getProperty(DataDirectory.KEY);
        if (configured == null || configured.isBlank()) return;
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        try {
            OwnerOnlyFiles.createDirectories(dir);
            var before = OwnerOnlyFiles.tighten(dir);
            if (before != null) {
                log.warn("Data folder {} was {}; made it owner-only (rwx------)", dir, PosixFilePermissions.toString(before));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the data folder " + dir, e);
        }
    }
}
