package io.sightline.server.connectors.runtime;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class ConnectorRuntimeOnPostgresTest extends ConnectorRuntimeContract {}
