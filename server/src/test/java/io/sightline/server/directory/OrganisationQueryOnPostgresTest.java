package io.sightline.server.directory;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class OrganisationQueryOnPostgresTest extends OrganisationQueryContract {}
