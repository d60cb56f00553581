package io.sightline.server.pagetemplates;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PageTemplatesOnPostgresTest extends PageTemplatesContract {}
