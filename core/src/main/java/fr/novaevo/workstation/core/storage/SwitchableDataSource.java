package fr.novaevo.workstation.core.storage;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The data source every module holds. It outlives a restore: the pool behind it is replaced while the
 * modules keep the same reference, so nothing has to be rewired after the user restores a backup.
 */
final class SwitchableDataSource implements DataSource {

    private volatile JdbcConnectionPool pool;

    void switchTo(JdbcConnectionPool next) {
        this.pool = next;
    }

    JdbcConnectionPool current() {
        return pool;
    }

    private JdbcConnectionPool requirePool() throws SQLException {
        JdbcConnectionPool current = pool;
        if (current == null) {
            throw new SQLException("the database is closed (restore in progress or application stopping)", "08003");
        }
        return current;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return requirePool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return requirePool().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // H2 logs through SLF4J in this application; no writer.
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        requirePool().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return requirePool().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
