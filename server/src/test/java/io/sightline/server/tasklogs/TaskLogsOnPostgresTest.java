package io.sightline.server.tasklogs;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class TaskLogsOnPostgresTest extends TaskLogsContract {}
