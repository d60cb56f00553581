package io.sightline.server.comments;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CommentsOnH2Test extends CommentsContract {}
