package io.sightline.server.query;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class SearchQueriesOnPostgresTest extends SearchQueriesContract {}
