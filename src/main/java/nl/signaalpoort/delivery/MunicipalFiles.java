package nl.signaalpoort.delivery;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.signing.OpenPgpSealer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.springframework.stereotype.Component;

/**
 * The file FILE and SFTP deliveries write per signal: its JSON document ({@code <signalId>.json}),
 * or, where the municipality registered an OpenPGP key, that document signed by the gateway and
 * encrypted to the key ({@code <signalId>.json.pgp}); a withdrawal notice as
 * {@code <signalId>.intrekking.json}, the same way. Keys are read and checked at start-up.
 */
@Component(Routes.MUNICIPAL_FILES)
public class MunicipalFiles {

    static final String JSON = ".json";
    static final String PGP = ".pgp";
    /** Before {@link #JSON} in a withdrawal notice's name: it never looks like a signal's file. */
    static final String WITHDRAWAL = ".intrekking";

    private final MunicipalDocuments documents;
    private final OpenPgpSealer sealer;
    private final Map<String, OpenPGPCertificate> keys;

    public MunicipalFiles(MunicipalDocuments documents, OpenPgpSealer sealer, MunicipalityRegistry municipalities) {
        this.documents = documents;
        this.sealer = sealer;
        this.keys = municipalities.all().stream().filter(m -> m.delivery().openPgpKey() != null)
                .collect(Collectors.toUnmodifiableMap(Municipality::code,
                        m -> OpenPgpSealer.recipient(m.delivery().openPgpKey(), "municipality registry: '" + m.code() + "'")));
    }

    /** Turns the exchange's {@link MunicipalSignal} into its file: the body and {@code CamelFileName}. */
    public void write(Exchange exchange) throws IOException {
        MunicipalSignal signal = exchange.getMessage().getBody(MunicipalSignal.class);
        put(exchange, signal.signaalId().toString(), documents.signalJson(signal));
    }

    /** Turns the exchange's {@link MunicipalWithdrawal} into its file, {@code <signalId>.intrekking.json} (or {@code .json.pgp}). */
    public void writeWithdrawal(Exchange exchange) throws IOException {
        MunicipalWithdrawal withdrawal = exchange.getMessage().getBody(MunicipalWithdrawal.class);
        put(exchange, withdrawal.signaalId() + WITHDRAWAL, documents.withdrawalJson(withdrawal));
    }

    private void put(Exchange exchange, String baseName, byte[] json) throws IOException {
        DeliveryBatch batch = exchange.getProperty(Routes.BATCH_PROPERTY, DeliveryBatch.class);
        FileContent file = file(batch.municipalityCode(), baseName, json);
        Message message = exchange.getMessage();
        message.setHeader(Exchange.FILE_NAME, file.name());
        message.setBody(file.content());
    }

    /** A file's name and bytes as it goes into a municipality's folder. */
    public record FileContent(String name, byte[] content) {
    }

    /**
     * A JSON document as a file for the municipality: {@code <baseName>.json}, or signed and
     * encrypted to its key as {@code <baseName>.json.pgp} where it registered one.
     */
    public FileContent file(String municipalityCode, String baseName, byte[] json) throws IOException {
        OpenPGPCertificate key = keys.get(municipalityCode);
        return key == null ? new FileContent(baseName + JSON, json) : new FileContent(baseName + JSON + PGP, sealer.encryptAndSign(json, key));
    }
}
