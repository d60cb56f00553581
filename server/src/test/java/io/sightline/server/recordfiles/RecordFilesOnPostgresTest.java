package io.sightline.server.recordfiles;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class RecordFilesOnPostgresTest extends RecordFilesContract {}
