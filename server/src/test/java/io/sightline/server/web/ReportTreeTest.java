package io.sightline.server.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** An analyzer's full report becomes a tree whose only links are http and https addresses. */
class ReportTreeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void nestsObjectsAndListsAndLinksOnlyWebAddresses() {
        ReportTree tree = ReportTree.of(JSON.readTree("""
                {"positives": 45, "permalink": "https://www.virustotal.com/gui/search/abc",
                 "scans": [{"engine": "A", "ref": "javascript:alert(1)"}, {"engine": "B", "ref": "HTTP://scanner.example/b"}],
                 "note": null, "bad": ["https://", "data:text/html,<b>x</b>", " https://space.example", "ftp://files.example"]}"""));
        assertThat(tree.branch()).isTrue();
        assertThat(tree.text()).isEqualTo("5 fields");
        assertThat(tree.children().stream().map(ReportTree::key)).containsExactly("positives", "permalink", "scans", "note", "bad");
        assertThat(tree.children().get(0).text()).isEqualTo("45");
        assertThat(tree.children().get(1).href()).isEqualTo("https://www.virustotal.com/gui/search/abc");
        ReportTree scans = tree.children().get(2);
        assertThat(scans.text()).isEqualTo("2 items");
        assertThat(scans.children().get(0).key()).isEqualTo("[1]");
        assertThat(scans.children().get(0).children().get(1).href()).as("javascript: stays text").isNull();
        assertThat(scans.children().get(0).children().get(1).text()).isEqualTo("javascript:alert(1)");
        assertThat(scans.children().get(1).children().get(1).href()).isEqualTo("HTTP://scanner.example/b");
        assertThat(tree.children().get(3).text()).isEqualTo("null");
        assertThat(tree.children().get(4).children().stream().map(ReportTree::href)).containsOnlyNulls();
    }

    @Test
    void cutsAReportDeeperThanItShows() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 40; i++) deep.append("{\"a\":");
        deep.append("1").append("}".repeat(40));
        ReportTree node = ReportTree.of(JSON.readTree(deep.toString()));
        int depth = 0;
        while (!node.children().isEmpty()) {
            node = node.children().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(ReportTree.MAX_DEPTH);
        assertThat(node.text()).contains("cut, see the raw JSON");
        assertThat(node.branch()).isFalse();
    }
}
