package io.sightline.integrations.attack;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttackStixTest {

    @Test
    void keepsCurrentTechniquesWithTheirTacticsAndParent() {
        var techniques = new AttackStix().read(bundle(
                technique("T1059", "Command and Scripting Interpreter", "2025-01-01", false, false),
                technique("T1059.006", "Python", "2025-01-01", false, false),
                technique("T1001", "Revoked one", "2025-01-01", true, false),
                technique("T1002", "Deprecated one", "2025-01-01", false, true),
                "{\"type\":\"attack-pattern\",\"id\":\"attack-pattern--capec\",\"name\":\"CAPEC only\","
                        + "\"external_references\":[{\"source_name\":\"capec\",\"external_id\":\"CAPEC-1\"}]}",
                "{\"type\":\"x-mitre-tactic\",\"id\":\"x-mitre-tactic--1\",\"name\":\"Execution\"}")).techniques();
        assertThat(techniques).extracting(AttackTechnique::attackId).containsExactly("T1059", "T1059.006");
        AttackTechnique python = techniques.get(1);
        assertThat(python.name()).isEqualTo("Python");
        assertThat(python.tactics()).containsExactly("execution", "defense-evasion");
        assertThat(python.parentId()).isEqualTo("T1059");
        assertThat(python.subTechnique()).isTrue();
        assertThat(python.url()).isEqualTo("https://attack.mitre.org/techniques/T1059/006");
        assertThat(techniques.get(0).parentId()).isNull();
    }

    @Test
    void theMostRecentlyModifiedVersionWinsAndARevocationRemoves() {
        var stix = new AttackStix();
        stix.read(bundle(technique("T1566", "Phishing (new)", "2025-06-01", false, false)));
        stix.read(bundle(technique("T1566", "Phishing (old)", "2020-01-01", false, false)));
        assertThat(stix.techniques().get(0).name()).isEqualTo("Phishing (new)");
        stix.read(bundle(technique("T1566", "Phishing", "2025-07-01", true, false)));
        assertThat(stix.techniques()).isEmpty();
    }

    @Test
    void shortensToTheFirstParagraphWithoutCitationsOrMarkup() {
        assertThat(AttackStix.shorten("Uses <code>cmd.exe</code>.(Citation: A 2020) More.\n\nSecond.", 300))
                .isEqualTo("Uses cmd.exe. More.");
        String cut = AttackStix.shorten("word ".repeat(100), 50);
        assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(50);
    }

    @Test
    void theCatalogueFileReadsBackWhatWasWritten() throws Exception {
        var written = List.of(new AttackTechnique("T1059.001", "PowerShell", List.of("execution"), "T1059",
                        "https://attack.mitre.org/techniques/T1059/001", "Tab\tand\nnewline"),
                new AttackTechnique("T1059", "Command", List.of(), null, null, ""));
        var out = new StringWriter();
        AttackCatalogueFile.write(written, "header\nsecond line", out);
        var read = AttackCatalogueFile.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(read.get(0).description()).isEqualTo("Tab and newline");
        assertThat(read.get(0).parentId()).isEqualTo("T1059");
        assertThat(read.get(1)).isEqualTo(written.get(1));
    }

    private static ByteArrayInputStream bundle(String... objects) {
        String json = "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[" + String.join(",", objects) + "]}";
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String technique(String id, String name, String modified, boolean revoked, boolean deprecated) {
        return """
                {"type":"attack-pattern","id":"attack-pattern--%s","name":"%s","modified":"%sT00:00:00.000Z",
                 "revoked":%s,"x_mitre_deprecated":%s,"description":"d",
                 "kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"execution"},
                                      {"kill_chain_name":"mitre-attack","phase_name":"defense-evasion"},
                                      {"kill_chain_name":"other-chain","phase_name":"ignored"}],
                 "external_references":[{"source_name":"mitre-attack","external_id":"%s",
                                         "url":"https://attack.mitre.org/techniques/%s"}]}"""
                .formatted(id, name, modified, revoked, deprecated, id, id.replace('.', '/'));
    }
}
