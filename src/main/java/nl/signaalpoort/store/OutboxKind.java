package nl.signaalpoort.store;

/**
 * What an outbox entry sends its municipality: the signal ({@code signal_id}), or the notice that
 * the partner withdrew it ({@code withdrawn_signal_id}).
 */
public enum OutboxKind {
    SIGNAL,
    WITHDRAWAL
}
