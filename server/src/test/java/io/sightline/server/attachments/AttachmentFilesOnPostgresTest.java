package io.sightline.server.attachments;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class AttachmentFilesOnPostgresTest extends AttachmentFilesContract {
}
