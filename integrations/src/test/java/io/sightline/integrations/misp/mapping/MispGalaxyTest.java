package io.sightline.integrations.misp.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MispGalaxyTest {

    @Test
    void aTechniqueBecomesTheTagMispsAttackGalaxyUses() {
        assertThat(MispGalaxy.attackPatternTag("Spearphishing Attachment", "T1566.001"))
                .isEqualTo("misp-galaxy:mitre-attack-pattern=\"Spearphishing Attachment - T1566.001\"");
        assertThat(MispGalaxy.attackPatternTag("Phishing", "T1566"))
                .isEqualTo("misp-galaxy:mitre-attack-pattern=\"Phishing - T1566\"");
    }

    @Test
    void aGalaxyTagReadsBackAsItsTechniqueAndOtherTagsAsNone() {
        assertThat(MispGalaxy.attackPatternId("misp-galaxy:mitre-attack-pattern=\"Spearphishing Attachment - T1566.001\""))
                .contains("T1566.001");
        assertThat(MispGalaxy.attackPatternId("misp-galaxy:mitre-attack-pattern=\"Remote Access Tools - T1219\"")).contains("T1219");
        // a name with " - " inside it: the id is what follows the last one
        assertThat(MispGalaxy.attackPatternId("misp-galaxy:mitre-attack-pattern=\"Pre-OS Boot - Bootkit - T1542.003\""))
                .contains("T1542.003");
        assertThat(MispGalaxy.attackPatternId("misp-galaxy:threat-actor=\"APT 28\"")).isEmpty();
        assertThat(MispGalaxy.attackPatternId("misp-galaxy:mitre-attack-pattern=\"No id here\"")).isEmpty();
        assertThat(MispGalaxy.attackPatternId("tlp:amber")).isEmpty();
    }

    @Test
    void theEventCarriesGalaxyTagsEvenWhenCaseTagsAreNotExported() {
        MispExportMapper plain = new MispExportMapper(MispExportTypes.loadDefault(), false, false);
        String tag = MispGalaxy.attackPatternTag("PowerShell", "T1059.001");
        assertThat(plain.event("x", LocalDate.of(2026, 5, 1), 2, 2, 2, List.of("phishing"), List.of(tag, tag), List.of()).tags())
                .containsExactly("tlp:amber", "PAP:AMBER", tag);
    }
}
