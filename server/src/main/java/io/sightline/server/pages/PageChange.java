package io.sightline.server.pages;

/** The fields a PATCH changes; null means "left as it is"; a given value is checked as a new page's. */
public record PageChange(String title, String category, String content, Integer order) {
    public PageChange {
        if (title != null) title = PageInput.text("title", title, PageInput.MAX_TITLE);
        if (category != null) category = PageInput.text("category", category, PageInput.MAX_CATEGORY);
        if (content != null) content = PageInput.checked("content", content, PageInput.MAX_CONTENT);
    }

    public String title(String current) { return title != null ? title : current; }

    public String category(String current) { return category != null ? category : current; }

    public String content(String current) { return content != null ? content : current; }

    public int order(int current) { return order != null ? order : current; }
}
