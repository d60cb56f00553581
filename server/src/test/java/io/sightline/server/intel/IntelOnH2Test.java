package io.sightline.server.intel;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class IntelOnH2Test extends IntelContract {}
