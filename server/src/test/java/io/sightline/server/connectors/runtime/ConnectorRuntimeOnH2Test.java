package io.sightline.server.connectors.runtime;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class ConnectorRuntimeOnH2Test extends ConnectorRuntimeContract {}
