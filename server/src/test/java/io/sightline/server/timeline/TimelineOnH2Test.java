package io.sightline.server.timeline;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class TimelineOnH2Test extends TimelineContract {}
