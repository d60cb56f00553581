package io.sightline.server.pages;

/** The fields a PATCH changes; null means "left as it is". */
public record PageChange(String title, String category, String content, Integer order) {

    public String title(String current) { return title != null ? title : current; }

    public String category(String current) { return category != null ? category : current; }

    public String content(String current) { return content != null ? content : current; }

    public int order(int current) { return order != null ? order : current; }
}
