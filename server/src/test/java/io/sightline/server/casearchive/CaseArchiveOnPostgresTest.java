package io.sightline.server.casearchive;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class CaseArchiveOnPostgresTest extends CaseArchiveContract {}
