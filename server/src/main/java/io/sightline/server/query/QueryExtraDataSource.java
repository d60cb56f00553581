package io.sightline.server.query;

/**
 * Extra data a package adds to an entity it does not own, as a Spring bean: the {@code links} of a
 * case are kept by {@code caselinks}, which sits above {@code cases}. The registry adds it to the
 * entity's own {@link QuerySource#extraData()}; a name may be given once per entity.
 */
public interface QueryExtraDataSource extends QueryExtraData {
    /** The entity it adds to: {@code "case"}. */
    String entity();

    /** The name a page step asks for: {@code "links"}. */
    String name();
}
