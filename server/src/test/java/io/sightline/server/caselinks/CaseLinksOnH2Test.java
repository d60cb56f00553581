package io.sightline.server.caselinks;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CaseLinksOnH2Test extends CaseLinksContract {}
