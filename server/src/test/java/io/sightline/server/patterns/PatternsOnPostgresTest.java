package io.sightline.server.patterns;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PatternsOnPostgresTest extends PatternsContract {}
