package io.sightline.server.casemerge;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CaseMergeKeepsEverythingOnH2Test extends CaseMergeKeepsEverythingContract {}
