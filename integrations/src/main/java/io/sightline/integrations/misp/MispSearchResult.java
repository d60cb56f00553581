package io.sightline.integrations.misp;

/**
 * How an event search went.
 *
 * @param pages          index pages requested
 * @param delivered      events handed to the consumer
 * @param skippedTooLarge events left out because their {@code attribute_count} exceeded the limit
 * @param lastTimestamp  timestamp of the last event delivered (epoch seconds), or the query's lower
 *                       bound when nothing was delivered: the checkpoint to store once every
 *                       delivered event is written
 */
public record MispSearchResult(int pages, long delivered, long skippedTooLarge, long lastTimestamp) {
}
