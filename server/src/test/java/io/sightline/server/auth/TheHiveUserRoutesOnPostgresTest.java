package io.sightline.server.auth;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class TheHiveUserRoutesOnPostgresTest extends TheHiveUserRoutesContract {}
