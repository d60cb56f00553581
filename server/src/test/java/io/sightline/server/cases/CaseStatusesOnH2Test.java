package io.sightline.server.cases;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CaseStatusesOnH2Test extends CaseStatusesContract {}
