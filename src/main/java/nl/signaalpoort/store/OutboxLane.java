package nl.signaalpoort.store;

/**
 * The two queues of a municipality's outbox. Urgent signals (crisis, end of supply) have a lane
 * of their own, claimed and delivered beside the regular one: a crisis signal never waits behind
 * a backlog of regular signals being delivered, and the regular signals keep their order.
 */
public enum OutboxLane {
    URGENT, REGULAR;

    public boolean urgent() {
        return this == URGENT;
    }
}
