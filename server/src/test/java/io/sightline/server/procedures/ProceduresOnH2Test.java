package io.sightline.server.procedures;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class ProceduresOnH2Test extends ProceduresContract {}
