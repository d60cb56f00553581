package io.sightline.server.procedures;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class ProceduresOnPostgresTest extends ProceduresContract {}
