package io.sightline.server.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an uploader names a file cannot break the download's header nor escape the unzip folder. */
class DownloadsTest {
    @Test
    void aZipEntryIsNamedByTheLastSegmentOfTheUploadedName() {
        assertThat(Downloads.entryName("report.pdf")).isEqualTo("report.pdf");
        assertThat(Downloads.entryName("../../etc/cron.d/job")).isEqualTo("job");
        assertThat(Downloads.entryName("C:\\Users\\me\\sample.exe")).isEqualTo("sample.exe");
        assertThat(Downloads.entryName("evil/..")).isEqualTo("attachment");
        assertThat(Downloads.entryName("dir/")).isEqualTo("attachment");
    }

    @Test
    void theDispositionHeaderHasNoLineBreak() {
        String header = Downloads.disposition("a\r\nSet-Cookie: x=y.txt");
        assertThat(header).startsWith("attachment").doesNotContain("\r").doesNotContain("\n");
        assertThat(Downloads.disposition("say \"hi\".txt")).contains("\\\"hi\\\"");
    }
}
