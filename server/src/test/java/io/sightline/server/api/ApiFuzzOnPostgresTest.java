package io.sightline.server.api;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class ApiFuzzOnPostgresTest extends ApiFuzzContract {}
