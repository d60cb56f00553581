package io.sightline.server.connectors.stixify;

import io.sightline.integrations.opencti.MqSettings;
import java.net.URI;
import java.util.List;

/**
 * The optional {@code stixify.opencti} block: the OpenCTI platform that also receives every report.
 * {@link #toString()} never shows the token or the broker password.
 *
 * @param url             platform URL (GraphQL at {@code <url>/graphql})
 * @param token           API token of the connector's user
 * @param connectorId     the connector's UUID on the platform
 * @param amqp            true to publish over the platform's broker, false for {@code stixBundlePush}
 * @param maxMessageBytes largest queue message (AMQP) or bundle (API) sent at once
 * @param mq              overrides of the broker settings handed out at registration
 */
public record OpenCtiTargetSettings(URI url, String token, String connectorId, String connectorName, List<String> scope,
                                    boolean amqp, long maxMessageBytes, boolean sslVerify, MqSettings.MqOverrides mq) {
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 16_000_000L;

    public OpenCtiTargetSettings {
        scope = List.copyOf(scope);
    }

    @Override
    public String toString() {
        return "OpenCtiTargetSettings[url=" + url + ", token=****, connectorId=" + connectorId + ", connectorName=" + connectorName
                + ", scope=" + scope + ", protocol=" + (amqp ? "amqp" : "api") + ", maxMessageBytes=" + maxMessageBytes
                + ", sslVerify=" + sslVerify + ", mq=" + mq + "]";
    }
}
