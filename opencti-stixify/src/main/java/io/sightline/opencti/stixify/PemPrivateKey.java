package io.sightline.opencti.stixify;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads {@code MQ_USE_SSL_KEY} as Python's {@code ssl.load_cert_chain(cert, key, password)} does for
 * pycti: an unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}) or traditional ({@code BEGIN RSA/EC PRIVATE KEY})
 * key, an encrypted PKCS#8 key ({@code BEGIN ENCRYPTED PRIVATE KEY}) or a traditional OpenSSL-encrypted
 * key ({@code Proc-Type: 4,ENCRYPTED}), the last two decrypted with {@code MQ_USE_SSL_PASSPHRASE}.
 * The BouncyCastle provider is used as an object, never registered, so the shaded jar needs no signature.
 */
final class PemPrivateKey {
    private static final String KEY = "MQ_USE_SSL_KEY (mq.use_ssl_key)";
    private static final String PASSPHRASE = "MQ_USE_SSL_PASSPHRASE (mq.use_ssl_passphrase)";
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PemPrivateKey() {}

    /** The key, or null after adding a problem naming the setting at fault. */
    static PrivateKey read(ConfigSource c, String pem, String passphrase) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            c.problem(KEY + " is not a readable PEM private key: " + e.getMessage());
            return null;
        }
        try {
            PrivateKeyInfo info;
            if (parsed instanceof PrivateKeyInfo plain) {
                info = plain;
            } else if (parsed instanceof PEMKeyPair pair) {
                info = pair.getPrivateKeyInfo();
            } else if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                if (passphrase == null) return missingPassphrase(c);
                try {
                    info = encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase.toCharArray()));
                } catch (Exception e) {
                    return wrongPassphrase(c);
                }
            } else if (parsed instanceof PEMEncryptedKeyPair encrypted) {
                if (passphrase == null) return missingPassphrase(c);
                try {
                    info = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase.toCharArray()))
                            .getPrivateKeyInfo();
                } catch (Exception e) {
                    return wrongPassphrase(c);
                }
            } else {
                c.problem(KEY + " holds no private key (PEM " + (parsed == null ? "block missing" : "of another kind") + ")");
                return null;
            }
            return new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            c.problem(KEY + " cannot be read as a private key: " + e.getMessage());
            return null;
        }
    }

    private static PrivateKey missingPassphrase(ConfigSource c) {
        c.problem(KEY + " is encrypted: set " + PASSPHRASE + " to its passphrase");
        return null;
    }

    private static PrivateKey wrongPassphrase(ConfigSource c) {
        c.problem(PASSPHRASE + " does not decrypt " + KEY + ": wrong passphrase");
        return null;
    }
}
