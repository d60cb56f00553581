package io.sightline.server.pages;

import io.sightline.server.core.Invalid;

/** The fields of a new page or page template; title and category required, all within TheHive's limits. */
public record PageDraft(String title, String category, String content, int order) {
    public PageDraft {
        title = PageInput.text("title", title, PageInput.MAX_TITLE);
        category = PageInput.text("category", category, PageInput.MAX_CATEGORY);
        if (content == null) throw new Invalid("Field content of page is required");
        content = PageInput.checked("content", content, PageInput.MAX_CONTENT);
    }
}
