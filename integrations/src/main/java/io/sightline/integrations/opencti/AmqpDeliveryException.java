package io.sightline.integrations.opencti;

/** Messages could not be handed to the broker for good (nack, confirm timeout, oversized, broker gone). */
public class AmqpDeliveryException extends RuntimeException {
    public AmqpDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public AmqpDeliveryException(String message) {
        super(message);
    }
}
