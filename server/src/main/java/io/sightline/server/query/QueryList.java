package io.sightline.server.query;

import io.sightline.server.auth.Principal;
import java.util.function.Function;

/**
 * A further list step over an entity's records, narrowed by a condition on the caller, such as
 * tasks' {@code myTasks} (those assigned to the caller). It starts a query as the entity's own
 * list step does, within the same organisation scope.
 */
public record QueryList(String step, Function<Principal, SqlCondition> condition) {}
