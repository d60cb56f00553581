package io.sightline.server.observables;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class SimilarObservablesOnPostgresTest extends SimilarObservablesContract {}
