package io.sightline.server.web;

import java.util.List;
import java.util.Locale;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Analysts' Markdown (task logs, comments, pages, descriptions, custom events) as HTML safe to put
 * in a page, used by the {@code markdown} fragments of {@code templates/fragments.html} as
 * {@code @markdown}. Two locks: raw HTML in the text is shown as text (never parsed), and the
 * rendered HTML then goes through an allow-list (no script, no event handler, no style, links
 * only to http, https and mailto). Images become links to them unless remote images are allowed
 * ({@code sightline.ui.markdown.remote-images}), since loading one tells its server who reads the case.
 */
@Component("markdown")
public class Markdown {
    /** Texts longer than this, in characters or lines, are folded on the case page. */
    static final int LONG_CHARS = 1200;
    static final int LONG_LINES = 15;
    private static final int SUMMARY_CHARS = 120;

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist allowed;
    private final boolean remoteImages;

    public Markdown(@Value("${sightline.ui.markdown.remote-images:false}") boolean remoteImages) {
        List<Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
        this.remoteImages = remoteImages;
        this.allowed = Safelist.none()
                .addTags("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code",
                        "em", "strong", "del", "a", "table", "thead", "tbody", "tr", "th", "td")
                .addAttributes("a", "href", "title")
                .addAttributes("ol", "start")
                .addAttributes("code", "class")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
        if (remoteImages) allowed.addTags("img").addAttributes("img", "src", "alt", "title").addProtocols("img", "src", "http", "https");
    }

    /** The text rendered and sanitised; empty for no text. */
    public String html(String text) {
        if (text == null || text.isBlank()) return "";
        Document rendered = Jsoup.parseBodyFragment(renderer.render(parser.parse(text)));
        if (!remoteImages) rendered.body().select("img").forEach(Markdown::linkInsteadOfImage);
        return new Cleaner(allowed).clean(rendered).body().html();
    }

    /** Long enough to be folded behind its first line. */
    public boolean isLong(String text) {
        return text != null && (text.length() > LONG_CHARS || text.lines().count() > LONG_LINES);
    }

    /** The first non-blank line, cut short, as the summary of a folded text. */
    public String summary(String text) {
        if (text == null) return "";
        String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        String cut = first.length() > SUMMARY_CHARS ? first.substring(0, SUMMARY_CHARS) + "…" : first;
        long lines = text.lines().count();
        return lines > 1 ? cut + " (" + lines + " lines)" : cut;
    }

    /** The first lines of a long text (at most as many as a short text may have, and as many characters), shown before "Show all". */
    public String preview(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder();
        text.lines().limit(LONG_LINES).forEach(l -> out.append(l).append('\n'));
        return out.length() > LONG_CHARS ? out.substring(0, LONG_CHARS) + "…" : out.toString();
    }

    /** The label that unfolds a long text: "Show all (9,000 lines)", or its characters for a few long lines. */
    public String showAll(String text) {
        long lines = text == null ? 0 : text.lines().count();
        return lines > LONG_LINES ? String.format(Locale.ROOT, "Show all (%,d lines)", lines)
                : String.format(Locale.ROOT, "Show all (%,d characters)", text == null ? 0 : text.length());
    }

    private static void linkInsteadOfImage(Element img) {
        String alt = img.attr("alt").isBlank() ? "image" : img.attr("alt");
        img.replaceWith(new Element("a").attr("href", img.attr("src")).text("[" + alt + "]"));
    }
}
