package io.sightline.opencti.stixify;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;

/** Encrypts a test key at test time, the two ways OpenSSL does (PKCS#8 PBES2, and traditional with DEK-Info). */
final class EncryptedPem {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private EncryptedPem() {}

    static PrivateKey read(Path plainPkcs8) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(plainPkcs8)))) {
            return new JcaPEMKeyConverter().setProvider(BC).getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
    }

    /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}, as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc}. */
    static Path pkcs8(Path plain, Path target, String passphrase) throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC)
                .setRandom(new SecureRandom()).setPassword(passphrase.toCharArray()).build();
        return write(target, new JcaPKCS8Generator(read(plain), encryptor));
    }

    /** {@code -----BEGIN RSA PRIVATE KEY-----} with {@code Proc-Type: 4,ENCRYPTED}, as {@code openssl rsa -aes256}. */
    static Path traditional(Path plain, Path target, String passphrase) throws Exception {
        var encryptor = new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).setSecureRandom(new SecureRandom())
                .build(passphrase.toCharArray());
        return write(target, new JcaMiscPEMGenerator(read(plain), encryptor));
    }

    private static Path write(Path target, org.bouncycastle.util.io.pem.PemObjectGenerator generator) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(generator);
        }
        return Files.writeString(target, text.toString());
    }
}
