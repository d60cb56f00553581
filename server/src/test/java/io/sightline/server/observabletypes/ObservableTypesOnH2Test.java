package io.sightline.server.observabletypes;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class ObservableTypesOnH2Test extends ObservableTypesContract {}
