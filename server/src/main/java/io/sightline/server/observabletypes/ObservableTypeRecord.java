package io.sightline.server.observabletypes;

/** A data type; a built-in one has no row, so no numeric id ({@code id} is null) and no author. */
public record ObservableTypeRecord(Long id, String name, boolean isAttachment, boolean builtIn, String createdBy, long createdAt) {}
