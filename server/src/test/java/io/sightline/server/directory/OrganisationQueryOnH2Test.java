package io.sightline.server.directory;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class OrganisationQueryOnH2Test extends OrganisationQueryContract {}
