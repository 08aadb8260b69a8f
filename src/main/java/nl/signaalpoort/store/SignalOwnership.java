package nl.signaalpoort.store;

import java.util.UUID;

/** Who sent a signal and which municipality it was routed to: all an outcome needs to be checked. */
public record SignalOwnership(UUID signalId, String partnerId, String reference, String municipalityCode, String outboxStatus) {
}
