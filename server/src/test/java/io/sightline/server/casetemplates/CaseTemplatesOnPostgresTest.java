package io.sightline.server.casetemplates;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class CaseTemplatesOnPostgresTest extends CaseTemplatesContract {}
