package io.sightline.server.connectors.cortex;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class CortexResponderOnPostgresTest extends CortexResponderContract {
}
