package io.sightline.server.timeline;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class TimelineOnPostgresTest extends TimelineContract {}
