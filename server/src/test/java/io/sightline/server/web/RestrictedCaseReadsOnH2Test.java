package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class RestrictedCaseReadsOnH2Test extends RestrictedCaseReadsContract {}
