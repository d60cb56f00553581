package io.sightline.server.tasks;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class TaskTimelineOnH2Test extends TaskTimelineContract {}
