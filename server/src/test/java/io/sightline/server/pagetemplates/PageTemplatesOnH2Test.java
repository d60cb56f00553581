package io.sightline.server.pagetemplates;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class PageTemplatesOnH2Test extends PageTemplatesContract {}
