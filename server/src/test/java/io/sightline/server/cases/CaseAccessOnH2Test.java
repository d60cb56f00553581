package io.sightline.server.cases;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CaseAccessOnH2Test extends CaseAccessContract {}
