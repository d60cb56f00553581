package io.sightline.server.connectors.misp.web;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class MispEventFileOnPostgresTest extends MispEventFileContract {}
