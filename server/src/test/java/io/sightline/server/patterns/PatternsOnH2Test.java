package io.sightline.server.patterns;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class PatternsOnH2Test extends PatternsContract {}
