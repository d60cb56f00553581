package io.sightline.server.cases;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class CaseAccessOnPostgresTest extends CaseAccessContract {}
