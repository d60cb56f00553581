package io.sightline.server.pagetemplates;

import io.sightline.server.pages.PageChange;

/** A page template of one organisation. */
public record PageTemplateRecord(long id, long orgId, String title, String category, String content, int order,
                                 String createdBy, long createdAt, String updatedBy, Long updatedAt) {

    public PageTemplateRecord withId(long newId) {
        return new PageTemplateRecord(newId, orgId, title, category, content, order, createdBy, createdAt, updatedBy, updatedAt);
    }

    public PageTemplateRecord changed(PageChange c, String by, long now) {
        return new PageTemplateRecord(id, orgId, c.title(title), c.category(category), c.content(content), c.order(order),
                createdBy, createdAt, by, now);
    }
}
