package io.sightline.server.caselinks;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class CaseLinksOnPostgresTest extends CaseLinksContract {}
