package io.sightline.server.tasks;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class TaskTimelineOnPostgresTest extends TaskTimelineContract {}
