package io.sightline.integrations.opencti;

/**
 * Carries one GraphQL request document to OpenCTI's {@code /graphql} endpoint. Returns whatever
 * HTTP answer came back (GraphQL servers put validation errors in 4xx bodies, so the status alone
 * says little); a failure to get any answer is an {@link OpenCtiException}.
 */
@FunctionalInterface
public interface GraphqlTransport {
    Answer post(String operation, byte[] requestJson);

    record Answer(int status, String body) {}
}
