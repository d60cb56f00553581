package io.sightline.server.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link Markdown} lets through: Markdown's formatting, never script, handlers, javascript: links or remote images. */
class MarkdownTest {
    private final Markdown markdown = new Markdown(false);

    @Test
    void rendersOrdinaryMarkdown() {
        String html = markdown.html("# Findings\n\n- one\n- two\n\n1. first\n\n`inline` and **bold** and *it*\n\n"
                + "```\ncode block <b>\n```\n\n[report](https://example.org/r?a=1&b=2)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assertThat(html).contains("<h1>Findings</h1>", "<li>one</li>", "<ol>", "<code>inline</code>", "<strong>bold</strong>",
                "<em>it</em>", "<pre><code>code block &lt;b&gt;\n</code></pre>", "<td>1</td>");
        assertThat(html).contains("<a href=\"https://example.org/r?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">report</a>");
    }

    @Test
    void neutralisesHostileMarkdown() {
        String html = markdown.html("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "<a href=\"javascript:alert(3)\">raw</a> [md](javascript:alert(4)) [data](data:text/html,x)\n\n"
                + "![tracker](https://evil.example/pixel.png) <div style=\"x\" onclick=\"alert(5)\">d</div>");
        assertThat(html).doesNotContain("<script", "<img", "<div");
        for (var element : org.jsoup.Jsoup.parseBodyFragment(html).body().getAllElements()) {
            for (var attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(element.outerHtml()).isIn("href", "rel");
                assertThat(attribute.getValue()).doesNotStartWith("javascript").doesNotStartWith("data");
            }
        }
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
        assertThat(html).contains("<a href=\"https://evil.example/pixel.png\" rel=\"nofollow noopener noreferrer\">[tracker]</a>");
    }

    @Test
    void remoteImagesShowOnlyWhenAllowed() {
        String html = new Markdown(true).html("![chart](https://intranet.example/c.png) ![x](javascript:alert(1))");
        assertThat(html).contains("<img src=\"https://intranet.example/c.png\" alt=\"chart\">");
        assertThat(html).doesNotContain("javascript:");
    }

    @Test
    void foldsLongTextsBehindTheirFirstLine() {
        assertThat(markdown.isLong("short\ntext")).isFalse();
        assertThat(markdown.isLong(null)).isFalse();
        String longText = "\n  First finding  \n" + "line\n".repeat(Markdown.LONG_LINES);
        assertThat(markdown.isLong(longText)).isTrue();
        assertThat(markdown.isLong("x".repeat(Markdown.LONG_CHARS + 1))).isTrue();
        assertThat(markdown.summary(longText)).isEqualTo("First finding (" + (Markdown.LONG_LINES + 2) + " lines)");
        assertThat(markdown.summary("y".repeat(200))).isEqualTo("y".repeat(120) + "…");
        assertThat(markdown.html(null)).isEmpty();
        assertThat(markdown.html("  ")).isEmpty();
    }
}
