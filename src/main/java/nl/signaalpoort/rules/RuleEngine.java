package nl.signaalpoort.rules;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.signal.Money;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Sector;
import nl.signaalpoort.signal.Signal;
import org.springframework.stereotype.Component;

/**
 * Checks a signal against every rule of its partner's rule set and returns all failures, not just
 * the first. Partner overrides are validated when the gateway starts.
 */
@Component
public class RuleEngine {

    static final Money LOWEST_MINIMUM = Money.ofCents(5_000);
    static final Money HIGHEST_MINIMUM = Money.ofCents(15_000);
    private static final Map<Sector, Money> SECTOR_MINIMUM = Map.of(
            Sector.ENERGY, Money.ofCents(5_000),
            Sector.WATER, Money.ofCents(5_000),
            Sector.HEALTH_INSURANCE, Money.ofCents(7_500),
            Sector.HOUSING, Money.ofCents(5_000));

    private final List<Rule> rules = List.of(new MinimumAmountRule());

    public RuleEngine(PartnerRegistry partners) {
        partners.all().forEach(RuleEngine::validateOverrides);
    }

    public List<Rejection> check(Signal signal, Partner partner) {
        RuleContext context = contextFor(partner);
        List<Rejection> failures = new ArrayList<>(2);
        for (Rule rule : rules) {
            rule.check(signal, context).ifPresent(failures::add);
        }
        return failures;
    }

    public RuleContext contextFor(Partner partner) {
        Money minimum = partner.minimumAmount() != null ? partner.minimumAmount() : SECTOR_MINIMUM.get(partner.sector());
        return new RuleContext(partner, minimum);
    }

    /** The rule set id and a version that changes whenever the effective parameters change. */
    public RuleSetRef ruleSetFor(Partner partner) {
        RuleContext context = contextFor(partner);
        String parameters = partner.sector() + "|min=" + context.minimumAmount().cents();
        return new RuleSetRef(partner.sector().name().toLowerCase() + "/" + partner.id(), shortHash(parameters));
    }

    private static void validateOverrides(Partner partner) {
        Money minimum = partner.minimumAmount();
        if (minimum != null && (minimum.isLessThan(LOWEST_MINIMUM) || HIGHEST_MINIMUM.isLessThan(minimum))) {
            throw new IllegalStateException("partner registry: partner '" + partner.id()
                    + "': minimumAmount must be between EUR 50.00 and EUR 150.00");
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
