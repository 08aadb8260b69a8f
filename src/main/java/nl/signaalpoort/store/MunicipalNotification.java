package nl.signaalpoort.store;

import java.time.LocalDate;
import java.util.UUID;

/** Something a municipality is told about one of its signals, such as {@code AUTO_CLOSED}. */
public record MunicipalNotification(long notificationId, UUID signalId, String kind, LocalDate date) {
}
