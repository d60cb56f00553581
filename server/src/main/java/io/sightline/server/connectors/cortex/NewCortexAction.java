package io.sightline.server.connectors.cortex;

/**
 * A request to run a responder on an object, from the API.
 *
 * @param objectType  what it acts on (TheHive's name: case, case_task, alert, case_artifact, case_task_log)
 * @param objectId    the object, as the API names it ({@code ~123}; a case also by number)
 * @param responderId the responder's Cortex id or its name
 * @param cortexName  the Cortex server, or null: the first server usable by the caller that has the responder
 * @param parameters  the responder's parameters as a JSON object, or null
 * @param tlp         the TLP sent to Cortex instead of the object's, or null
 */
public record NewCortexAction(ActionObjectType objectType, String objectId, String responderId, String cortexName,
                              String parameters, Integer tlp) {}
