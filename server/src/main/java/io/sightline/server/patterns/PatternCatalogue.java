package io.sightline.server.patterns;

import io.sightline.integrations.attack.AttackCatalogueFile;
import io.sightline.integrations.attack.AttackTechnique;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** Fills an empty pattern table from the catalogue shipped in the jar, so procedures work out of the box. */
@Component
class PatternCatalogue implements ApplicationRunner {
    static final String RESOURCE = "attack/enterprise-techniques.tsv";
    private static final Logger log = LoggerFactory.getLogger(PatternCatalogue.class);

    private final PatternService patterns;

    PatternCatalogue(PatternService patterns) {
        this.patterns = patterns;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            List<AttackTechnique> bundled = bundled();
            if (patterns.loadIfEmpty(bundled)) log.info("ATT&CK catalogue loaded: {} techniques", bundled.size());
        } catch (DataIntegrityViolationException e) {
            // Another hub instance on the same database filled it at the same moment.
            log.info("ATT&CK catalogue filled by another hub instance");
        }
    }

    static List<AttackTechnique> bundled() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return AttackCatalogueFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The ATT&CK catalogue " + RESOURCE + " is missing from the hub", e);
        }
    }
}
