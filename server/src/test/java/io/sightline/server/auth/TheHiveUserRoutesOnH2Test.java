package io.sightline.server.auth;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class TheHiveUserRoutesOnH2Test extends TheHiveUserRoutesContract {}
