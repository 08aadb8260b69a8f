package nl.signaalpoort.routing;

import java.time.LocalTime;

/**
 * A municipality (gemeente) as registered in {@code routes/municipalities.yaml}.
 *
 * @param code     the CBS municipality code, e.g. {@code GM0363}
 * @param oin      the OIN in its certificate's subject serialNumber, for reporting outcomes
 * @param delivery how and where its signals go
 */
public record Municipality(String code, String name, String oin, Delivery delivery) {

    /**
     * @param endpoint  a folder for {@code FILE}, an http(s) URL for {@code REST}
     * @param batchSize the most signals in one delivery
     * @param timing    at once, or daily at {@code dailyAt} (Dutch time); urgent signals always at once
     */
    public record Delivery(DeliveryType type, String endpoint, Integer batchSize, DeliveryTiming timing, LocalTime dailyAt) {
        public Delivery {
            batchSize = batchSize == null ? 100 : batchSize;
            timing = timing == null ? DeliveryTiming.IMMEDIATE : timing;
        }

        public Delivery(DeliveryType type, String endpoint, Integer batchSize) {
            this(type, endpoint, batchSize, null, null);
        }
    }
}
