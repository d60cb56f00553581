package io.sightline.server.connectors.misp.web;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class MispEventFileOnH2Test extends MispEventFileContract {}
