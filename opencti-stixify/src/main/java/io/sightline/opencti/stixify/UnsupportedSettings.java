package io.sightline.opencti.stixify;

import java.util.List;

/**
 * pycti settings this connector does not implement. Each is refused at start when set to anything
 * but its pycti default, so that a deployment never silently loses what it relies on.
 */
final class UnsupportedSettings {
    private UnsupportedSettings() {}

    /** Setting, config.yml path, pycti default (null: any value is refused), why it is refused. */
    private record Refused(String env, String yaml, String inertValue, String why) {}

    private static final List<Refused> REFUSED = List.of(
            new Refused("CONNECTOR_SEND_TO_S3", "connector.send_to_s3", "false",
                    "S3 delivery would need an S3 client (the AWS SDK) the connector does not ship"));

    /** Adds one problem per refused setting that is set to a value other than its inert one. */
    static void check(ConfigSource c) {
        for (Refused r : REFUSED) {
            String value = c.raw(r.env(), r.yaml());
            if (value == null) continue;
            if (r.inertValue() != null && ("false".equals(r.inertValue()) ? ConfigSource.isFalse(value) : r.inertValue().equals(value))) continue;
            c.problem(r.env() + " (" + r.yaml() + ") is not supported by this connector and must be unset"
                    + (r.inertValue() == null ? "" : " or " + r.inertValue()) + ": " + r.why());
        }
    }
}
