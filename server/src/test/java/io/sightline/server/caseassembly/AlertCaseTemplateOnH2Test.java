package io.sightline.server.caseassembly;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class AlertCaseTemplateOnH2Test extends AlertCaseTemplateContract {}
