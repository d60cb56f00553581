package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Observables tab keeps no trace of a file it refused. */
@ContextConfiguration(initializers = H2Database.class)
class UiUploadTest extends HubTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefusedFileLeavesNoAttachmentRow() {
        String caseId = createCase(admin, unique("ui-upload"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String page = browser.get("/cases/" + number + "?tab=observables").body();
        byte[] content = ("ui sample " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Map<String, String> form = Map.of("dataType", "file", "tlp", "2");

        var first = browser.postFile("/cases/" + number + "/observables", form, "attachment", "one.bin", content,
                BrowserSession.token(page));
        assertThat(first.status()).as(first.body()).isEqualTo(302);
        var again = browser.postFile("/cases/" + number + "/observables", form, "attachment", "two.bin", content,
                BrowserSession.token(page));
        assertThat(again.status()).as(again.body()).isEqualTo(302);

        assertThat(admin.get("/api/v1/case/" + caseId + "/observables").json().size()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE name IN ('one.bin', 'two.bin') AND sha256 IN "
                + "(SELECT sha256 FROM attachment WHERE name = 'one.bin')").query(Long.class).single())
                .as("the refused upload's row").isEqualTo(1);
    }
}
