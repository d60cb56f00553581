package io.sightline.server.customfields;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CustomFieldsOnH2Test extends CustomFieldsContract {}
