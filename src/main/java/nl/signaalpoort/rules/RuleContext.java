package nl.signaalpoort.rules;

import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.signal.Money;

/** What a rule may know besides the signal: the partner and its effective parameters. */
public record RuleContext(Partner partner, Money minimumAmount) {
}
