package io.sightline.server.observabletypes;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class ObservableTypesOnPostgresTest extends ObservableTypesContract {}
