package io.sightline.server.comments;

import io.sightline.server.support.PostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class CommentsOnPostgresTest extends CommentsContract {}
