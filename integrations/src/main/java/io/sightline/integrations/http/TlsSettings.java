package io.sightline.integrations.http;

import java.nio.file.Path;

/**
 * TLS trust for one target. Certificates are verified against the JDK trust store by default;
 * {@code trustedCaPem} adds the CAs of a PEM file (e.g. an internal CA of a MISP server);
 * {@code acceptAnyCertificate} switches verification off entirely (certificate and host name) and
 * is logged loudly when the client is built.
 *
 * @param acceptAnyCertificate trust every certificate and skip host name verification
 * @param trustedCaPem         optional PEM file with one or more CA certificates, or null
 */
public record TlsSettings(boolean acceptAnyCertificate, Path trustedCaPem) {

    public static final TlsSettings VERIFY = new TlsSettings(false, null);

    public static TlsSettings acceptAny() {
        return new TlsSettings(true, null);
    }

    public static TlsSettings trusting(Path caPem) {
        return new TlsSettings(false, caPem);
    }

    public boolean isDefault() {
        return !acceptAnyCertificate && trustedCaPem == null;
    }
}
