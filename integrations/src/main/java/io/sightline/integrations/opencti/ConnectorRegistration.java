package io.sightline.integrations.opencti;

/**
 * The platform's answer to {@code registerConnector}: the connector id, the stored state (JSON
 * text or null), the user the connector's bundles are imported as, and where to push them.
 */
public record ConnectorRegistration(
        String id,
        String state,
        String connectorUserId,
        MqSettings mq,
        String pushQueue,
        String pushExchange,
        String pushRouting) {

    public ConnectorRegistration withMq(MqSettings newMq) {
        return new ConnectorRegistration(id, state, connectorUserId, newMq, pushQueue, pushExchange, pushRouting);
    }
}
