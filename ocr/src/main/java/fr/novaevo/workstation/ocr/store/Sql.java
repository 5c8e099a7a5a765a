package fr.novaevo.workstation.ocr.store;

import fr.novaevo.workstation.core.error.WorkstationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.sql.DataSource;

/**
 * The few JDBC moves of the ocr module's stores: one statement on a connection of its own, instants as UTC
 * {@code TIMESTAMP WITH TIME ZONE}, and a failure turned into a {@link WorkstationException} with the store's code.
 */
public final class Sql {

    private final DataSource dataSource;
    private final String failureCode;

    /** @param failureCode the code of the exception a failed statement becomes, e.g. {@code SUPERVISION-STORE-FAILED} */
    public Sql(DataSource dataSource, String failureCode) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.failureCode = Objects.requireNonNull(failureCode, "failureCode");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @FunctionalInterface
    public interface Setter {
        void set(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public int update(String sql, Setter setter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            setter.set(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot write", e);
        }
    }

    public <T> List<T> query(String sql, Setter setter, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            setter.set(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    public <T> Optional<T> first(String sql, Setter setter, RowMapper<T> mapper) {
        return query(sql, setter, mapper).stream().findFirst();
    }

    public WorkstationException failure(String what, SQLException e) {
        return new WorkstationException(failureCode, what + ": " + e.getMessage(), e);
    }

    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    public static Optional<Instant> instant(ResultSet rs, int index) throws SQLException {
        return Optional.ofNullable(rs.getObject(index, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    public static OptionalDouble optionalDouble(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
