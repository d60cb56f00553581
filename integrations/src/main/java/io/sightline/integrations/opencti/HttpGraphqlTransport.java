package io.sightline.integrations.opencti;

import io.sightline.integrations.http.HttpCall;
import io.sightline.integrations.http.HttpReply;
import io.sightline.integrations.http.HttpStatusException;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.HttpTargetException;
import io.sightline.integrations.http.RequestBody;
import java.util.Map;
import java.util.Set;

/**
 * GraphQL over the shared resilient HTTP layer: {@code POST <OPENCTI_URL>/graphql} with the
 * target's Bearer token and custom headers. Operations that are safe to repeat (reads, upserts,
 * pings, bundle pushes of idempotent STIX) are retried on transient failures; creating a work is
 * retried only when the request certainly never left.
 */
public final class HttpGraphqlTransport implements GraphqlTransport {
    private static final Set<String> REPEATABLE = Set.of("HealthCheck", "RegisterConnector", "PingConnector",
            "GetConnector", "StixBundlePush", "AddExpectations", "WorkToProcessed", "Groups", "UserList", "UserRead");

    private final HttpTarget target;
    private final Map<String, String> customHeaders;

    public HttpGraphqlTransport(HttpTarget target, Map<String, String> customHeaders) {
        this.target = target;
        this.customHeaders = Map.copyOf(customHeaders);
    }

    @Override
    public Answer post(String operation, byte[] requestJson) {
        HttpCall.Builder call = HttpCall.post("/graphql").body(RequestBody.bytes("application/json", requestJson));
        customHeaders.forEach(call::header);
        if (REPEATABLE.contains(operation)) call.retryable();
        try {
            HttpReply<String> reply = target.send(call.build());
            return new Answer(reply.status(), reply.body());
        } catch (HttpStatusException e) {
            // GraphQL servers answer validation errors with 400 and a JSON body worth reading.
            return new Answer(e.status(), e.bodyExcerpt());
        } catch (HttpTargetException e) {
            throw new OpenCtiException(operation, null, 0, e.getMessage(), e);
        }
    }
}
