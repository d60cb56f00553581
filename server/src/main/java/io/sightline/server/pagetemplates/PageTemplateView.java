package io.sightline.server.pagetemplates;

import io.sightline.server.pages.PageView;
import java.util.Map;

/** TheHive's OutputPage for a page template. */
public final class PageTemplateView {
    private PageTemplateView() {}

    public static Map<String, Object> of(PageTemplateRecord t) {
        return PageView.shape(t.id(), "PageTemplate", t.createdBy(), t.createdAt(), t.updatedBy(), t.updatedAt(),
                t.title(), t.category(), t.content(), t.order());
    }
}
