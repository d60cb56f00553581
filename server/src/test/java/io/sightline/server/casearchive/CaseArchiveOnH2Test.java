package io.sightline.server.casearchive;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CaseArchiveOnH2Test extends CaseArchiveContract {}
