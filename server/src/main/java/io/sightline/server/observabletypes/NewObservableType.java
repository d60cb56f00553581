package io.sightline.server.observabletypes;

/** A custom data type to define. */
public record NewObservableType(String name, boolean isAttachment) {}
