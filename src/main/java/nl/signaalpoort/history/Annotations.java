package nl.signaalpoort.history;

/**
 * What the history of pseudonyms says about a signal, for municipal software to prioritise with.
 *
 * @param earlierFromSamePartner  earlier signals of the same partner for this person (late-payer window)
 * @param amountRose              the amount is higher than in the partner's previous signal for this person
 * @param repeatedSignal          a repeat from the same partner with the same or a lower amount (VNG DDAS "herhaalde melding")
 * @param otherPartnersAtAddress  other partners that signalled this household within the match window
 * @param recidive                an earlier signal for this person, from any partner, within the recidive window
 * @param latePayer               at least the threshold of signals from this partner in the late-payer window
 * @param linkedOnlyTolerantly    earlier signals were found only by the tolerant key (swapped surname parts, placeholder birth date)
 */
public record Annotations(int earlierFromSamePartner, boolean amountRose, boolean repeatedSignal, int otherPartnersAtAddress,
        boolean recidive, boolean latePayer, boolean linkedOnlyTolerantly) {

    public static final Annotations NONE = new Annotations(0, false, false, 0, false, false, false);
}
