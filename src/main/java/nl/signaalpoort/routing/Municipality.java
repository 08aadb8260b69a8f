package nl.signaalpoort.routing;

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
     */
    public record Delivery(DeliveryType type, String endpoint, Integer batchSize) {
        public Delivery {
            batchSize = batchSize == null ? 100 : batchSize;
        }
    }
}
