package io.sightline.server.auth.profiles;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class ProfilesOnPostgresTest extends ProfilesContract {}
