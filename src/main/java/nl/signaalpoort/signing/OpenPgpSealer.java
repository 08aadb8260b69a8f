package nl.signaalpoort.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.signaalpoort.intake.pgp.PgpProperties;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPDetachedSignatureGenerator;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;
import org.bouncycastle.openpgp.api.OpenPGPMessageOutputStream;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.openpgp.api.exception.InvalidEncryptionKeyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * OpenPGP for the files the gateway writes for others (RFC 9580 through Bouncy Castle's OpenPGP
 * API): signed by the gateway's own key, the one partners encrypt to, and encrypted to the
 * recipient's registered key where there is one. Binary packets, streamed.
 */
@Component
public class OpenPgpSealer {

    private final OpenPGPKey gatewayKey;

    @Autowired
    public OpenPgpSealer(PgpProperties properties) throws IOException {
        this(properties.gatewayKey());
    }

    /** @param gatewayKey unlocked, as {@link PgpProperties#gatewayKey()} gives it */
    OpenPgpSealer(OpenPGPKey gatewayKey) {
        this.gatewayKey = gatewayKey;
    }

    /**
     * Reads a recipient's armored public key and checks that it can be encrypted to; {@code what}
     * names the registry entry in the message when it cannot.
     */
    public static OpenPGPCertificate recipient(String path, String what) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            OpenPGPCertificate certificate = new OpenPGPKeyReader().parseCertificate(in);
            new OpenPGPMessageGenerator().addEncryptionCertificate(certificate);
            return certificate;
        } catch (InvalidEncryptionKeyException e) {
            throw new IllegalStateException(what + ": the OpenPGP key " + path + " has no valid key to encrypt to", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(what + ": the OpenPGP key " + path + " cannot be read", e);
        }
    }

    /** Signs {@code in} and encrypts it to {@code recipient}, as one OpenPGP message, onto {@code out}. */
    public void encryptAndSign(InputStream in, OutputStream out, OpenPGPCertificate recipient) throws IOException {
        try {
            OpenPGPMessageGenerator generator = new OpenPGPMessageGenerator().setArmored(false)
                    .addEncryptionCertificate(recipient)
                    .addSigningKey(gatewayKey);
            try (OpenPGPMessageOutputStream message = generator.open(nonClosing(out))) {
                in.transferTo(message);
            }
        } catch (PGPException e) {
            throw new IOException("OpenPGP encryption failed", e);
        }
    }

    public byte[] encryptAndSign(byte[] plaintext, OpenPGPCertificate recipient) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 1024);
        encryptAndSign(new ByteArrayInputStream(plaintext), out, recipient);
        return out.toByteArray();
    }

    /** A detached signature over {@code in} by the gateway's key, binary ({@code gpg --verify file.sig file}). */
    public void detachedSignature(InputStream in, OutputStream out) throws IOException {
        try {
            for (OpenPGPSignature.OpenPGPDocumentSignature signature : new OpenPGPDetachedSignatureGenerator()
                    .addSigningKey(gatewayKey).sign(in)) {
                out.write(signature.getEncoded());
            }
        } catch (PGPException e) {
            throw new IOException("OpenPGP signature failed", e);
        }
    }

    /** The message stream closes what it wraps; the caller owns {@code out}. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
