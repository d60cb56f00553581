package io.sightline.server.query;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class SearchQueriesOnH2Test extends SearchQueriesContract {}
