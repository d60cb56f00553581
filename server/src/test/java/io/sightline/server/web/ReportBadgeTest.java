package io.sightline.server.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Analyzer report summaries as stored on observables become coloured badges. */
class ReportBadgeTest {

    @Test
    void readsTaxonomiesOfEveryAnalyzer() {
        String reports = """
                {"VirusTotal_GetReport_3_0": {"taxonomies": [
                   {"level": "malicious", "namespace": "VT", "predicate": "GetReport", "value": "42/70"}]},
                 "Abuse_Finder_3_0": {"taxonomies": [
                   {"level": "info", "namespace": "Abuse_Finder", "predicate": "Address", "value": "abuse@example.com"},
                   {"level": "weird", "namespace": "X", "predicate": "Y", "value": 3}]}}""";
        var badges = ReportBadge.parse(reports);
        assertThat(badges).hasSize(3);
        assertThat(badges.get(0).level()).isEqualTo("malicious");
        assertThat(badges.get(0).label()).isEqualTo("VT:GetReport=\"42/70\"");
        assertThat(badges.get(0).analyzer()).isEqualTo("VirusTotal_GetReport_3_0");
        assertThat(badges.get(2).level()).as("unknown levels are shown as info").isEqualTo("info");
        assertThat(badges.get(2).value()).isEqualTo("3");
    }

    @Test
    void emptyOrMalformedReportsGiveNoBadge() {
        assertThat(ReportBadge.parse("{}")).isEmpty();
        assertThat(ReportBadge.parse("")).isEmpty();
        assertThat(ReportBadge.parse("not json")).isEmpty();
        assertThat(ReportBadge.parse("{\"A\": {\"taxonomies\": 5}}")).isEmpty();
    }
}
