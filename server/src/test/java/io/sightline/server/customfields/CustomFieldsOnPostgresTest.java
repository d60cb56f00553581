package io.sightline.server.customfields;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class CustomFieldsOnPostgresTest extends CustomFieldsContract {}
