package io.sightline.server.recordfiles;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class RecordFilesOnH2Test extends RecordFilesContract {}
