package io.sightline.server.casemerge;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class CaseMergeKeepsEverythingOnPostgresTest extends CaseMergeKeepsEverythingContract {}
