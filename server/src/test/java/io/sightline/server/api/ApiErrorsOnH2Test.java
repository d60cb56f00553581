package io.sightline.server.api;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class ApiErrorsOnH2Test extends ApiErrorsContract {}
