package nl.signaalpoort.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseFailuresTest {

    @Test
    void aDatabaseThatIsAwayIsToldApart() {
        // Hikari's pool timing out while the server is down, as Spring wraps it.
        assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("pool - Connection is not available")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new CannotCreateTransactionException("could not open"))).isTrue();
        // The connection lost during the commit: whether it landed is not known.
        assertThat(DatabaseFailures.isUnavailable(new TransactionSystemException("could not commit",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        // The statement failed on a lost connection, and the rollback then failed as well.
        TransactionSystemException rollbackFailed = new TransactionSystemException("rollback failed", new IllegalStateException("closed"));
        rollbackFailed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("I/O error",
                new SQLException("An I/O error occurred", "08006")));
        assertThat(DatabaseFailures.isUnavailable(rollbackFailed)).isTrue();
        // The connection lost during the commit, and the rollback Spring then tries fails on the broken
        // connection with a state of its own: the commit's failure is only logged (OutageIT saw this).
        assertThat(DatabaseFailures.isUnavailable(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Cannot rollback when autoCommit is enabled.", "25P01")))).isTrue();
        // PostgreSQL shutting down ("terminating connection due to administrator command") and starting up.
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("terminating", "57P01")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("starting up", "57P03"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax", "42601"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(null)).isFalse();
    }
}
