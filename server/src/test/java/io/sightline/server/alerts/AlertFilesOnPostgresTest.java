package io.sightline.server.alerts;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class AlertFilesOnPostgresTest extends AlertFilesContract {}
