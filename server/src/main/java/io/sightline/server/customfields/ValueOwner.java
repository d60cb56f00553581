package io.sightline.server.customfields;

/**
 * The record custom field values belong to.
 *
 * @param orgId the organisation owning the record (values are scoped like their record)
 */
public record ValueOwner(Kind kind, long id, long orgId) {
    /** The kinds of record that carry custom field values, with the name stored in {@code entity}. */
    public enum Kind {
        CASE("case", "case_id"),
        ALERT("alert", "alert_id"),
        CASE_TEMPLATE("caseTemplate", "case_template_id");

        private final String entity;
        private final String foreignKey;

        Kind(String entity, String foreignKey) {
            this.entity = entity;
            this.foreignKey = foreignKey;
        }

        public String entity() { return entity; }

        /** The column whose foreign key deletes the values with their record. */
        String foreignKey() { return foreignKey; }
    }
}
