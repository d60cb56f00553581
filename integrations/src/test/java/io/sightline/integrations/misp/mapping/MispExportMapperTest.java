package io.sightline.integrations.misp.mapping;

import io.sightline.integrations.misp.model.MispNewAttribute;
import io.sightline.integrations.misp.model.MispNewEvent;
import io.sightline.integrations.misp.model.MispSample;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MispExportMapperTest {

    private final MispExportMapper plain = new MispExportMapper(MispExportTypes.loadDefault(), false, false);
    private final MispExportMapper withTags = new MispExportMapper(MispExportTypes.loadDefault(), true, true);

    @Test
    void caseBecomesAnUnpublishedEventWithTlpAndPapTags() {
        MispNewEvent event = withTags.event("Phishing wave", LocalDate.of(2026, 5, 1), 3, 2, 1,
                List.of("phishing", "TLP:RED", "phishing"), List.of());

        assertThat(event.threatLevelId()).as("severity 3 (high) → threat level 1").isEqualTo(1);
        assertThat(event.published()).isFalse();
        assertThat(event.distribution()).isZero();
        assertThat(event.tags()).containsExactly("tlp:amber", "PAP:GREEN", "phishing");
        assertThat(plain.event("x", LocalDate.of(2026, 5, 1), 1, 0, 2, List.of("phishing"), List.of()).tags())
                .containsExactly("tlp:clear", "PAP:AMBER");
        assertThat(MispExportMapper.threatLevel(0)).isEqualTo(4);
        assertThat(MispExportMapper.threatLevel(4)).isEqualTo(1);
    }

    @Test
    void iocObservablesBecomeAttributesWithIdsFlagAndTlp() {
        MispExportMapper.Export export = withTags.observable("ip", "203.0.113.9", true, "C2 server", 3, List.of("c2", "tlp:red"));

        assertThat(export).isEqualTo(new MispExportMapper.AsAttribute(new MispNewAttribute("ip-dst", "Network activity",
                "203.0.113.9", true, "C2 server", null, List.of("tlp:red", "c2"))));
        assertThat(plain.observable("hash", "d41d8cd98f00b204e9800998ecf8427e", true, null, 1, List.of("x")))
                .isEqualTo(new MispExportMapper.AsAttribute(new MispNewAttribute("md5", "Payload delivery",
                        "d41d8cd98f00b204e9800998ecf8427e", true, "", null, List.of("tlp:green"))));
    }

    @Test
    void filesGoAsSamplesAndTheRestIsSkippedWithAReason() {
        assertThat(plain.observable("file", "evil.exe", true, "", 2, List.of()))
                .isEqualTo(new MispExportMapper.AsFile(MispSample.Kind.MALWARE_SAMPLE, "Payload delivery"));
        assertThat(plain.observable("ip", "10.0.0.1", false, "", 2, List.of()))
                .isEqualTo(new MispExportMapper.Skipped("not flagged as IOC"));
        assertThat(plain.observable("custom-type", "x", true, "", 2, List.of()))
                .isInstanceOf(MispExportMapper.Skipped.class)
                .extracting(e -> ((MispExportMapper.Skipped) e).reason()).asString().contains("custom-type");
    }
}
