package nl.signaalpoort.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that is away (stopped, restarting, unreachable, no connection within the pool's
 * timeout, a connection lost mid-statement or mid-commit) from every other failure. Such a failure
 * says nothing about the request: its transaction may have committed before the answer was lost.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether {@code error}, or anything that caused it, says the database could not be reached. */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // The transaction manager itself failed to commit or roll back: whether the work landed is not
            // known, whatever the driver said last (after a commit lost with its connection, Spring's
            // rollback fails too and its exception hides the commit's, which is only logged).
            if (t instanceof TransactionSystemException) {
                return true;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01-57P03 (the server shutting
     * down, crashed, or starting and not accepting connections yet).
     */
    static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
