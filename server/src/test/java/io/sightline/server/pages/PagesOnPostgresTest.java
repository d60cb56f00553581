package io.sightline.server.pages;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class PagesOnPostgresTest extends PagesContract {}
