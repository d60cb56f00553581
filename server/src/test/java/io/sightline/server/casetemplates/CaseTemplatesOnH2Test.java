package io.sightline.server.casetemplates;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CaseTemplatesOnH2Test extends CaseTemplatesContract {}
