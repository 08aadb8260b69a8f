package nl.signaalpoort.security.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;

/**
 * The configured CRL files, read at start and again when one of them changed (looked at no more
 * often than the reload interval). A file that cannot be read at start stops the start; one that
 * breaks later keeps the last good version, so a half-copied CRL never opens the door.
 */
final class CrlFiles {

    private final List<Resource> files;
    private final Duration reloadInterval;
    private final Clock clock;
    private volatile Snapshot current;

    private record Snapshot(List<X509CRL> crls, List<Long> modified, Instant lookedAt) {
    }

    CrlFiles(List<Resource> files, Duration reloadInterval, Clock clock) {
        this.files = List.copyOf(files);
        this.reloadInterval = reloadInterval;
        this.clock = clock;
        this.current = new Snapshot(read(), modified(), clock.instant());
    }

    List<X509CRL> crls() {
        Snapshot snapshot = current;
        Instant now = clock.instant();
        if (!files.isEmpty() && !now.isBefore(snapshot.lookedAt().plus(reloadInterval))) {
            synchronized (this) {
                snapshot = current;
                if (!now.isBefore(snapshot.lookedAt().plus(reloadInterval))) {
                    snapshot = reloaded(snapshot, now);
                    current = snapshot;
                }
            }
        }
        return snapshot.crls();
    }

    private Snapshot reloaded(Snapshot previous, Instant now) {
        try {
            List<Long> modified = modified();
            if (modified.equals(previous.modified())) {
                return new Snapshot(previous.crls(), previous.modified(), now);
            }
            return new Snapshot(read(), modified, now);
        } catch (RuntimeException unreadable) {
            return new Snapshot(previous.crls(), previous.modified(), now);
        }
    }

    private List<Long> modified() {
        List<Long> modified = new ArrayList<>();
        for (Resource file : files) {
            try {
                modified.add(file.lastModified());
            } catch (IOException e) {
                modified.add(-1L);
            }
        }
        return modified;
    }

    private List<X509CRL> read() {
        List<X509CRL> crls = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                factory.generateCRLs(in).forEach(crl -> crls.add((X509CRL) crl));
            } catch (IOException e) {
                throw new UncheckedIOException("CRL file " + file.getDescription() + " cannot be read", e);
            } catch (CRLException | CertificateException e) {
                throw new IllegalStateException("CRL file " + file.getDescription() + " is not a CRL", e);
            }
        }
        return List.copyOf(crls);
    }
}
