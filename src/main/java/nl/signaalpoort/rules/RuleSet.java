package nl.signaalpoort.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.signaalpoort.signal.Sector;

/**
 * A partner's effective rule set: its sector's defaults completed by its own overrides. The
 * version is a hash of the parameters, so it changes exactly when the effective rules change.
 */
public record RuleSet(String id, String version, Sector sector, RuleParameters parameters) {

    public static RuleSet of(String id, Sector sector, RuleParameters parameters) {
        RuleParameterBounds.check(id, parameters);
        return new RuleSet(id, hash(sector + "|" + parameters), sector, parameters);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
