package io.sightline.testkit.cortex;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The emulator's jobs, with Cortex's job cache (same analyzer, data, tlp and parameters). */
final class JobStore {

    /** A submission's answer: the job, and whether it came from the cache. */
    record Submission(EmulatedJob job, boolean fromCache) {
    }

    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private final Map<String, EmulatedJob> jobs = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final CortexEmulatorOptions options;

    JobStore(CortexEmulatorOptions options) {
        this.options = options;
    }

    synchronized Submission submit(EmulatedAnalyzer analyzer, EmulatedJob.JobInput input, String failureMessage,
            long now) {
        String subject = input.data() != null ? input.data() : input.attachment().path("id").asString();
        String cacheTag = AnalyzerCatalog.md5(analyzer.id() + "|" + input.dataType() + "|" + input.tlp() + "|"
                + subject + "|" + input.parameters());
        if (!input.force() && !options.jobCache().isZero()) {
            Optional<EmulatedJob> cached = jobs.values().stream()
                    .filter(job -> job.cacheTag.equals(cacheTag))
                    .filter(job -> now - job.createdAt < options.jobCache().toMillis())
                    .filter(job -> !job.isDeleted() && !job.status(now).equals("Failure"))
                    .reduce((first, second) -> second);
            if (cached.isPresent()) {
                return new Submission(cached.get(), true);
            }
        }
        long startAt = now + options.waitingDelay().toMillis();
        long endAt = startAt + options.runningDelay().toMillis();
        EmulatedJob job = new EmulatedJob(newId(), analyzer, options.organization(), input, cacheTag, now, startAt,
                endAt, failureMessage);
        jobs.put(job.id, job);
        return new Submission(job, false);
    }

    synchronized Optional<EmulatedJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    synchronized List<EmulatedJob> all() {
        return new ArrayList<>(jobs.values());
    }

    /** How long until the job reaches a terminal state (zero if it has). */
    static Duration untilFinished(EmulatedJob job, long now) {
        return job.isFinished(now) ? Duration.ZERO : Duration.ofMillis(job.endAt - now);
    }

    private String newId() {
        StringBuilder id = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
