package nl.signaalpoort.store;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something a municipality is told about one of its signals, such as {@code AUTO_CLOSED}; with its
 * code, for a shared-service team reading the notifications of several.
 */
public record MunicipalNotification(long notificationId, UUID signalId, String municipalityCode, String kind, LocalDate date) {
}
