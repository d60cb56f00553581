package io.sightline.server.intel;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class IntelOnPostgresTest extends IntelContract {}
