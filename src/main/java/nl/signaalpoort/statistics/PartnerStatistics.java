package nl.signaalpoort.statistics;

import java.time.YearMonth;
import java.util.Map;

/**
 * What the gateway knows about a partner's own deliveries in a month (Dutch time): signals received
 * by result, rejections by reason code, warnings by code, how many of the month's signals were
 * delivered, are still to be delivered, did not reach the municipality or were withdrawn before
 * delivery, and the feedback codes dated in the month. Counts only: nothing about a resident.
 */
public record PartnerStatistics(YearMonth month, Map<String, Long> received, Map<String, Long> rejectionReasons,
        Map<String, Long> warnings, Map<String, Long> deliveries, Map<String, Long> feedback) {
}
