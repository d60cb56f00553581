package io.sightline.server.caseassembly;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class CaseAssemblyOnPostgresTest extends CaseAssemblyContract {}
