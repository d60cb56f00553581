package io.sightline.server.pages;

/** A page of a case. */
public record PageRecord(long id, long orgId, long caseId, String title, String category, String content, int order,
                         String createdBy, long createdAt, String updatedBy, Long updatedAt) {

    public PageRecord withId(long newId) {
        return new PageRecord(newId, orgId, caseId, title, category, content, order, createdBy, createdAt, updatedBy, updatedAt);
    }

    public PageRecord changed(PageChange c, String by, long now) {
        return new PageRecord(id, orgId, caseId, c.title(title), c.category(category), c.content(content), c.order(order),
                createdBy, createdAt, by, now);
    }
}
