package io.sightline.server.web;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class RestrictedCaseReadsOnPostgresTest extends RestrictedCaseReadsContract {}
