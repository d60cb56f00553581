package io.sightline.server.observables;

import io.sightline.server.attachments.Attachment;
import java.util.List;

/**
 * A validated observable not yet attached to a case or alert: what a client sent, or what a
 * connector mapped from a remote system.
 */
public record ObservableDraft(String dataType, String data, Attachment attachment, String message, int tlp, int pap,
                              boolean ioc, boolean sighted, boolean ignoreSimilarity, Long startDate, List<String> tags) {}
