package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.signaalpoort.intake.sftp.EmbeddedSftpServer;
import nl.signaalpoort.support.SftpClient;
import nl.signaalpoort.support.StandaloneGateway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One partner cannot fill the disk every partner shares: its inbox takes so many bytes and so many
 * files at a time, over SFTP with the real OpenSSH client, and another partner goes on meanwhile.
 */
class InboxQuotaIT {

    @Test
    void aPartnerOverItsInboxQuotaIsRefusedWhileAnotherGoesOn() throws Exception {
        StandaloneGateway gateway = new StandaloneGateway("inbox_quota_it")
                .with("signaalpoort.sftp.inbox-quota", "64KB").with("signaalpoort.sftp.inbox-files", 2);
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = app.getBean(EmbeddedSftpServer.class).port();
            Path small = Files.createTempFile("small", ".csv");
            Files.writeString(small, "x".repeat(10_000));
            Path large = Files.createTempFile("large", ".csv");
            Files.writeString(large, "x".repeat(100_000));

            // Over the byte quota: the upload fails on the partner's side.
            SftpClient.Result tooLarge = SftpClient.run("partner-energie", "demo-energie", port, "put " + large + " inbox/.large.part\n");
            assertThat(tooLarge.exitCode()).as(tooLarge.output()).isNotZero();
            assertThat(gateway.files().inbox("demo-energie").resolve(".large.part")).as("nothing half-written stays").doesNotExist();

            // Unfinished uploads (not yet renamed) wait in the inbox and count: the third is refused.
            assertThat(SftpClient.run("partner-energie", "demo-energie", port, "put " + small + " inbox/.one.part\n").exitCode()).isZero();
            assertThat(SftpClient.run("partner-energie", "demo-energie", port, "put " + small + " inbox/.two.part\n").exitCode()).isZero();
            SftpClient.Result third = SftpClient.run("partner-energie", "demo-energie", port, "put " + small + " inbox/.three.part\n");
            assertThat(third.exitCode()).as(third.output()).isNotZero();

            // Another partner has an inbox of its own.
            assertThat(SftpClient.run("partner-zorg", "demo-zorg", port, "put " + small + " inbox/.other.part\n").exitCode()).isZero();
        }
    }
}
