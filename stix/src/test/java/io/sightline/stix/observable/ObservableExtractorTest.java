package io.sightline.stix.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.stix.Fixtures;
import io.sightline.stix.StixFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ObservableExtractorTest {

    @Test
    void patternsWithAndOrCombinations() {
        assertThat(ObservableExtractor.fromPattern("[file:hashes.'SHA-256' = 'EF537F25C895BFA782526529A9B63D97AA631564D5D789C2B765448C8635FB6C']"))
                .containsExactly(new Observable("hash", "ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c"));
        assertThat(ObservableExtractor.fromPattern("[domain-name:value = 'av.ddns.us' OR ipv4-addr:value = '60.2.148.167']"))
                .containsExactly(new Observable("domain", "av.ddns.us"), new Observable("ip", "60.2.148.167"));
        assertThat(ObservableExtractor.fromPattern(
                "([url:value = 'http://x.example/a?b=\\'c\\''] AND [email-addr:value = 'bad@example.com']) FOLLOWEDBY "
                        + "[file:name = 'dropper.exe' AND file:hashes.MD5 = '001dd76872d80801692ff942308c64e6'] WITHIN 300 SECONDS"))
                .containsExactly(new Observable("url", "http://x.example/a?b='c'"), new Observable("mail", "bad@example.com"),
                        new Observable("filename", "dropper.exe"), new Observable("hash", "001dd76872d80801692ff942308c64e6"));
        assertThat(ObservableExtractor.fromPattern("[ipv4-addr:value IN ('10.0.0.1', '10.0.0.2') AND autonomous-system:number = 15139]"))
                .containsExactly(new Observable("ip", "10.0.0.1"), new Observable("ip", "10.0.0.2"), new Observable("autonomous-system", "15139"));
        assertThat(ObservableExtractor.fromPattern("[network-traffic:dst_ref.value = '198.51.100.7' AND network-traffic:dst_port = 443]"))
                .containsExactly(new Observable("ip", "198.51.100.7"));
        assertThat(ObservableExtractor.fromPattern("[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\Software\\\\Run'] START t'2016-01-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z'"))
                .containsExactly(new Observable("registry", "HKEY_LOCAL_MACHINE\\Software\\Run"));
    }

    @Test
    void comparisonsThatNameNoValueAreSkipped() {
        assertThat(ObservableExtractor.fromPattern("[email-message:subject MATCHES '^[IMPORTANT] Please Review Before']")).isEmpty();
        assertThat(ObservableExtractor.fromPattern("[domain-name:value != 'a.example' AND file:name NOT = 'b.exe' AND file:size > 100]")).isEmpty();
        assertThat(ObservableExtractor.fromPattern("[file:name LIKE 'x%' OR domain-name:value = 'ok.example']"))
                .containsExactly(new Observable("domain", "ok.example"));
        assertThatThrownBy(() -> ObservableExtractor.fromPattern("[file:name = 'unterminated]")).isInstanceOf(StixFormatException.class);
    }

    @Test
    void fixtureIndicatorsYieldTheirValues() {
        List<Observable> apt1 = ObservableExtractor.extractAll(Fixtures.objects("oasis-apt1-report.json"));
        assertThat(apt1).contains(new Observable("domain", "arrowservice.net"));
        List<Observable> poisonIvy = ObservableExtractor.extractAll(Fixtures.objects("oasis-poisonivy-report.json"));
        assertThat(poisonIvy).contains(new Observable("domain", "microsofta.byinter.net"), new Observable("ip", "98.126.148.114"),
                new Observable("ip", "219.90.112.197"));
        List<Observable> misp = ObservableExtractor.extractAll(Fixtures.objects("misp-stix-events_collection-as-stix21.json"));
        assertThat(misp).contains(new Observable("domain", "circl.lu"), new Observable("ip", "149.13.33.14"));
        // A Sigma rule is not a STIX pattern: nothing comes out of it.
        assertThat(ObservableExtractor.extractAll(Fixtures.objects("stix2arango-indicator-version-1.json"))).isEmpty();
    }

    @Test
    void sampleReportIndicatorsYieldTheirValues() {
        assertThat(ObservableExtractor.extractAll(Fixtures.sample("report-webmail-phishing.json"))).contains(
                new Observable("domain", "webmail-login.example.net"), new Observable("ip", "203.0.113.10"));
        assertThat(ObservableExtractor.extractAll(Fixtures.sample("report-rat-c2.json"))).contains(
                new Observable("ip", "198.51.100.23"), new Observable("ip", "198.51.100.24"),
                new Observable("domain", "update.cdn-example.com"));
    }

    @Test
    void cyberObservablesOfTheExamples() {
        List<ObjectNode> scos = Fixtures.objects("stix2-python-sco-examples-list.json");
        List<Observable> all = ObservableExtractor.extractAll(scos);
        assertThat(all).contains(new Observable("ip", "198.51.100.3"), new Observable("ip", "2001:0db8::/96"),
                new Observable("domain", "example.com"), new Observable("mail", "john@example.com"),
                new Observable("url", "https://example.com/research/index.html"),
                new Observable("hash", "fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db"),
                new Observable("filename", "foo.dll"), new Observable("autonomous-system", "15139"),
                new Observable("other", "d2:fb:49:24:37:18"), new Observable("other", "__CLEANSWEEP__"),
                new Observable("user-agent", "Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US; rv:1.6) Gecko/20040113"));
        assertThat(all).extracting(Observable::dataType).contains("registry");
        assertThat(all).doesNotHaveDuplicates();
    }
}
