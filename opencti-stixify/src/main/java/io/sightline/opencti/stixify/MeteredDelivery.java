package io.sightline.opencti.stixify;

import io.sightline.integrations.opencti.BundleDelivery;
import io.sightline.integrations.opencti.DeliveryReport;
import java.util.Iterator;
import tools.jackson.databind.JsonNode;

/**
 * Counts what a delivery sends, as pycti counts in {@code send_stix2_bundle}: one
 * {@code bundles_sent} per AMQP message or {@code stixBundlePush}, the objects in
 * {@code records_sent}, a refused delivery in {@code errors}.
 */
final class MeteredDelivery implements BundleDelivery {
    private final BundleDelivery delegate;
    private final ConnectorMetrics metrics;

    MeteredDelivery(BundleDelivery delegate, ConnectorMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public DeliveryReport deliver(String bundleId, Iterator<? extends JsonNode> objects, String workId) {
        try {
            DeliveryReport report = delegate.deliver(bundleId, objects, workId);
            metrics.inc(ConnectorMetrics.Counter.BUNDLE_SEND, report.messages());
            metrics.inc(ConnectorMetrics.Counter.RECORD_SEND, report.objectsSent());
            return report;
        } catch (RuntimeException e) {
            metrics.inc(ConnectorMetrics.Counter.ERROR_COUNT);
            throw e;
        }
    }

    @Override
    public void awaitDelivered() {
        try {
            delegate.awaitDelivered();
        } catch (RuntimeException e) {
            metrics.inc(ConnectorMetrics.Counter.ERROR_COUNT);
            throw e;
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
