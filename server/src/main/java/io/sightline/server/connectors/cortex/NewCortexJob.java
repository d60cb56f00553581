package io.sightline.server.connectors.cortex;

/**
 * A request to run an analyzer on an observable, from the API or the UI.
 *
 * @param observableId the observable, as the API names it ({@code ~123})
 * @param analyzerId   the analyzer's Cortex id or its name
 * @param cortexName   the Cortex server, or null: the first server usable by the caller that has the analyzer
 * @param parameters   the analyzer's parameters as a JSON object, or null
 */
public record NewCortexJob(String observableId, String analyzerId, String cortexName, String parameters) {}
