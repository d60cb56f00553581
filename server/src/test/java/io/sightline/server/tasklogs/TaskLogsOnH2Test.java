package io.sightline.server.tasklogs;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class TaskLogsOnH2Test extends TaskLogsContract {}
