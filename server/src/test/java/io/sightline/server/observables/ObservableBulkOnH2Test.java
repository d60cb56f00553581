package io.sightline.server.observables;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class ObservableBulkOnH2Test extends ObservableBulkContract {}
