package io.sightline.server.attachments;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class AttachmentFilesOnH2Test extends AttachmentFilesContract {
}
