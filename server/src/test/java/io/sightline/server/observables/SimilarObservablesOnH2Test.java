package io.sightline.server.observables;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class SimilarObservablesOnH2Test extends SimilarObservablesContract {}
