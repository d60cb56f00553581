package io.sightline.server.casearchive;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How big an archive the hub imports: the file itself, what it unpacks to (a small zip may expand
 * enormously), and how many records it holds.
 */
@Component
record ArchiveLimits(long archiveBytes, long contentBytes, int records) {
    @Autowired
    ArchiveLimits(@Value("${sightline.limits.case-archive-bytes}") long archiveBytes) {
        this(archiveBytes, 4 * archiveBytes, 1_000_000);
    }
}
