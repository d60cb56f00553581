package io.sightline.integrations.http;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    private static final String KEY = "SecretKEY/Abc+123";

    @Test
    void aSecretIsMaskedWhateverItsCase() {
        Redactor r = new Redactor(List.of(KEY));
        assertThat(r.scrub("key " + KEY + " refused")).isEqualTo("key **** refused");
        assertThat(r.scrub("key secretkey/abc+123 refused")).isEqualTo("key **** refused");
        assertThat(r.scrub("KEY SECRETKEY/ABC+123 REFUSED")).isEqualTo("KEY **** REFUSED");
    }

    @Test
    void aSecretIsMaskedUrlEncodedInAnyCase() {
        Redactor r = new Redactor(List.of(KEY));
        assertThat(r.scrub("GET /x?k=SecretKEY%2FAbc%2B123")).isEqualTo("GET /x?k=****");
        assertThat(r.scrub("GET /x?k=secretkey%2fabc%2b123")).isEqualTo("GET /x?k=****");
        assertThat(new Redactor(List.of("pass word!")).scrub("p=pass%20word%21 q=pass+word%21")).isEqualTo("p=**** q=****");
    }

    @Test
    void withAddsASecretAndIgnoresTooShortOnes() {
        Redactor r = Redactor.none().with(KEY).with("ab").with(null);
        assertThat(r.scrub("ab secretkey/abc+123")).isEqualTo("ab ****");
        assertThat(r.url(URI.create("https://h/x?apikey=zzz&q=1"))).isEqualTo("https://h/x?apikey=****&q=1");
    }
}
