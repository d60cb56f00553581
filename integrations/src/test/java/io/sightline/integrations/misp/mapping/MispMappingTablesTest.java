package io.sightline.integrations.misp.mapping;

import io.sightline.integrations.misp.model.MispAttribute;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MispMappingTablesTest {

    private final MispImportTypes imports = MispImportTypes.loadDefault();
    private final MispExportTypes exports = MispExportTypes.loadDefault();

    private static MispAttribute attribute(String type, String category, String value) {
        return new MispAttribute("1", "u1", "9", type, category, value, true, "", false, 0, null,
                List.of(), null, null, false);
    }

    @Test
    void importTableMapsPlainTypesAndFallsBack() {
        assertThat(imports.dataType("Payload delivery", "sha256")).isEqualTo("hash");
        assertThat(imports.dataType("Network activity", "ip-src")).isEqualTo("ip");
        assertThat(imports.dataType("Network activity", "hostname")).isEqualTo("hostname");
        assertThat(imports.dataType("External analysis", "link")).isEqualTo("url");
        assertThat(imports.dataType("Network activity", "AS")).isEqualTo("autonomous-system");
        assertThat(imports.dataType("Network activity", "user-agent")).as("same-name fallback").isEqualTo("user-agent");
        assertThat(imports.dataType("Other", "text")).isEqualTo("other");
        assertThat(imports.dataType("Artifacts dropped", "mutex")).isEqualTo("other");
    }

    @Test
    void compositeTypesAreSplitAsTheReferenceRecommends() {
        assertThat(imports.observables(attribute("filename|md5", "Payload delivery", "a.exe|d41d8cd98f00b204e9800998ecf8427e")))
                .extracting(MispImportTypes.Part::dataType, MispImportTypes.Part::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("filename", "a.exe"),
                        org.assertj.core.groups.Tuple.tuple("hash", "d41d8cd98f00b204e9800998ecf8427e"));
        assertThat(imports.observables(attribute("ip-dst|port", "Network activity", "1.2.3.4|443")))
                .extracting(MispImportTypes.Part::dataType).containsExactly("ip", "other");
        assertThat(imports.observables(attribute("domain|ip", "Network activity", "circl.lu|149.13.33.14")))
                .extracting(MispImportTypes.Part::dataType).containsExactly("domain", "ip");
        assertThat(imports.observables(attribute("regkey|value", "Persistence mechanism", "HKLM\\Run|a|b")))
                .extracting(MispImportTypes.Part::value).containsExactly("HKLM\\Run", "a|b");
        assertThat(imports.observables(attribute("malware-sample", "Payload delivery", "x.zip|cda4ed7585956f2bc1318cf85751f0b8")))
                .singleElement().satisfies(p -> {
                    assertThat(p.dataType()).isEqualTo("file");
                    assertThat(p.value()).isEqualTo("x.zip");
                });
    }

    @Test
    void exportTableChoosesHashTypeByLengthAndSkipsUnknown() {
        assertThat(exports.target("hash", "d41d8cd98f00b204e9800998ecf8427e")).contains(new MispExportTypes.Target("Payload delivery", "md5"));
        assertThat(exports.target("hash", "da39a3ee5e6b4b0d3255bfef95601890afd80709")).contains(new MispExportTypes.Target("Payload delivery", "sha1"));
        assertThat(exports.target("hash", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").orElseThrow().type()).isEqualTo("sha256");
        assertThat(exports.target("hash", "a".repeat(96)).orElseThrow().type()).isEqualTo("sha384");
        assertThat(exports.target("hash", "b".repeat(128)).orElseThrow().type()).isEqualTo("sha512");
        assertThat(exports.target("hash", "3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C").orElseThrow().type()).isEqualTo("ssdeep");
        assertThat(exports.target("hash", "not-a-hash")).contains(new MispExportTypes.Target("Other", "text"));
        assertThat(exports.target("ip", "10.0.0.1")).contains(new MispExportTypes.Target("Network activity", "ip-dst"));
        assertThat(exports.target("url", "http://x")).contains(new MispExportTypes.Target("Network activity", "url"));
        assertThat(exports.target("mail", "a@b")).contains(new MispExportTypes.Target("Payload delivery", "email-src"));
        assertThat(exports.target("file", "x.exe").orElseThrow().type()).isEqualTo("malware-sample");
        assertThat(exports.target("no-such-type", "x")).isEmpty();
    }

    @Test
    void malformedTablesNameEveryBadLine() {
        String table = "# comment\nmd5\t*\thash\nsha1\t*\thashh\nip-dst\tNetwork activty\tip\nbroken line\n"
                + "filename|md5\t*\tfilename\nmd5\t*\thash\n";
        assertThatThrownBy(() -> MispImportTypes.load(new StringReader(table), "mine.tsv", Set.of("hash", "ip", "filename")))
                .isInstanceOf(MispMappingException.class)
                .hasMessageContaining("mine.tsv")
                .satisfies(e -> assertThat(((MispMappingException) e).problems()).containsExactlyInAnyOrder(
                        "line 3: unknown dataType 'hashh' (known: filename, hash, ip)",
                        "line 4: unknown MISP category 'Network activty'",
                        "line 5: expected 3 non-empty tab-separated columns but found 'broken line'",
                        "line 6: composite type 'filename|md5' is split automatically; map its parts instead",
                        "line 7: duplicate entry for * / md5"));

        assertThatThrownBy(() -> MispExportTypes.load(new StringReader("hash\t[0-9\tPayload delivery\tmd5\nipp\t*\tOther\ttext\n"),
                "export.tsv", Set.of("hash", "ip")))
                .isInstanceOf(MispMappingException.class)
                .hasMessageContaining("line 1: invalid value pattern '[0-9'")
                .hasMessageContaining("line 2: unknown dataType 'ipp'");
    }

    @Test
    void categorySpecificLineWinsOverWildcard() {
        MispImportTypes table = MispImportTypes.load(new StringReader("email-dst\t*\tmail\nemail-dst\tNetwork activity\tother\n"),
                "t.tsv", Set.of("mail", "other"));
        assertThat(table.dataType("Payload delivery", "email-dst")).isEqualTo("mail");
        assertThat(table.dataType("Network activity", "email-dst")).isEqualTo("other");
    }

    @Test
    void tlpAndPapTagsAreCaseInsensitiveAndTlp2Aware() {
        assertThat(MispTlp.tlp(List.of("TLP:GREEN"))).hasValue(1);
        assertThat(MispTlp.tlp(List.of("tlp:clear"))).hasValue(0);
        assertThat(MispTlp.tlp(List.of("tlp:white"))).hasValue(0);
        assertThat(MispTlp.tlp(List.of("Tlp:Amber"))).hasValue(2);
        assertThat(MispTlp.tlp(List.of("tlp:amber+strict"))).hasValue(3);
        assertThat(MispTlp.tlp(List.of("tlp:green", "tlp:red", "other"))).as("most restrictive").hasValue(3);
        assertThat(MispTlp.tlp(List.of("tlp:ex:chr", "osint"))).isEmpty();
        assertThat(MispTlp.pap(List.of("PAP:AMBER"))).hasValue(2);
        assertThat(MispTlp.tlpTag(0)).isEqualTo("tlp:clear");
        assertThat(MispTlp.tlpTag(3)).isEqualTo("tlp:red");
        assertThat(MispTlp.papTag(1)).isEqualTo("PAP:GREEN");
        assertThatThrownBy(() -> MispTlp.tlpTag(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
