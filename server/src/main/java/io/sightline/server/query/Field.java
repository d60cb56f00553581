package io.sightline.server.query;

/** A queryable attribute of an entity: its API name, SQL column and value kind. */
record Field(String name, String column, Kind kind) {
    enum Kind { STRING, NUMBER, BOOLEAN, ID, TAGS, LEVEL }

    boolean sortable() {
        return kind != Kind.TAGS;
    }
}
