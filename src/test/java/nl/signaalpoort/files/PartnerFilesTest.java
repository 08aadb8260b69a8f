package nl.signaalpoort.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerFilesTest {

    @TempDir
    Path root;

    @Test
    void everyFolderHasOnePlaceAndOnlyHomesAreAPartnersOwn() throws Exception {
        PartnerFiles files = new PartnerFiles(new FilesProperties(root));
        Path home = files.createHome("demo-energie");

        assertThat(files.inbox("demo-energie")).isDirectory().startsWith(home);
        assertThat(files.outbox("demo-energie")).isDirectory().startsWith(home);
        assertThat(files.receipts("demo-energie").startsWith(home)).isFalse();
        assertThat(files.quarantine("demo-energie").startsWith(home)).isFalse();
        assertThat(files.work().startsWith(files.homes())).isFalse();
    }

    @Test
    void knowsWhoseInboxAFileLiesIn() {
        PartnerFiles files = new PartnerFiles(new FilesProperties(root));

        assertThat(files.partnerOfInboxFile(files.inbox("demo-zorg").resolve("juni.csv"))).contains("demo-zorg");
        assertThat(files.partnerOfInboxFile(files.outbox("demo-zorg").resolve("juni.csv"))).isEmpty();
        assertThat(files.partnerOfInboxFile(files.inbox("demo-zorg").resolve("sub").resolve("juni.csv"))).isEmpty();
        assertThat(files.partnerOfInboxFile(root.resolve("inbox").resolve("juni.csv"))).isEmpty();
    }

    @Test
    void workFilesAreTheGatewaysAlone() throws Exception {
        Path work = new PartnerFiles(new FilesProperties(root)).privateWorkFile("open-");
        assertThat(Files.getPosixFilePermissions(work)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
