package io.sightline.server.connectors.cortex;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CortexResponderOnH2Test extends CortexResponderContract {
}
