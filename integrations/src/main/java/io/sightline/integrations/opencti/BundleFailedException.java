package io.sightline.integrations.opencti;

/**
 * A bundle handed over earlier failed while it was being published in the background; names the
 * bundle so that the failure is counted against its report, not the one being delivered now.
 */
public final class BundleFailedException extends AmqpDeliveryException {
    private final String bundleId;

    public BundleFailedException(String bundleId, String message, Throwable cause) {
        super(message, cause);
        this.bundleId = bundleId;
    }

    public String bundleId() {
        return bundleId;
    }
}
