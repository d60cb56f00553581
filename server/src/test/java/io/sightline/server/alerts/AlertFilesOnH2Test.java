package io.sightline.server.alerts;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class AlertFilesOnH2Test extends AlertFilesContract {}
