package io.sightline.server.pages;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class PagesOnH2Test extends PagesContract {}
