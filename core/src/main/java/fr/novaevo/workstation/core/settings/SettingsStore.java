package fr.novaevo.workstation.core.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import fr.novaevo.workstation.core.error.WorkstationException;

/**
 * The user's settings, as named text values in {@code CORE.SETTING}. Secrets never go here: they belong in
 * the {@link fr.novaevo.workstation.core.secrets.SecretStore}.
 *
 * <p>Values are cached after the first read; all writes go through this object.
 */
public final class SettingsStore {

    private final DataSource dataSource;
    private final Clock clock;
    private volatile Map<String, String> cache;

    public SettingsStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values().get(name));
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    public Map<String, String> all() {
        return Map.copyOf(values());
    }

    /**
     * Saves several values in one transaction; an empty or null value removes the setting.
     *
     * @return the names whose value changed
     */
    public synchronized java.util.Set<String> putAll(Map<String, String> changes) {
        Map<String, String> current = values();
        Map<String, String> effective = new LinkedHashMap<>();
        changes.forEach((name, value) -> {
            String normalized = value == null || value.isBlank() ? null : value.strip();
            if (!java.util.Objects.equals(current.get(name), normalized)) {
                effective.put(name, normalized);
            }
        });
        if (effective.isEmpty()) {
            return java.util.Set.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO CORE.SETTING (SETTING_KEY, SETTING_VALUE, UPDATED_AT) KEY (SETTING_KEY) VALUES (?, ?, ?)");
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM CORE.SETTING WHERE SETTING_KEY = ?")) {
                OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
                for (Map.Entry<String, String> change : effective.entrySet()) {
                    if (change.getValue() == null) {
                        delete.setString(1, change.getKey());
                        delete.executeUpdate();
                    } else {
                        merge.setString(1, change.getKey());
                        merge.setString(2, change.getValue());
                        merge.setObject(3, now);
                        merge.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WorkstationException("SETTINGS-WRITE", "cannot save the settings", e);
        }
        Map<String, String> next = new ConcurrentHashMap<>(current);
        effective.forEach((name, value) -> {
            if (value == null) {
                next.remove(name);
            } else {
                next.put(name, value);
            }
        });
        cache = next;
        return java.util.Set.copyOf(effective.keySet());
    }

    public void put(String name, String value) {
        java.util.HashMap<String, String> one = new java.util.HashMap<>();
        one.put(name, value);
        putAll(one);
    }

    /** Forgets the cache, after the database was replaced by a restore. */
    public synchronized void reload() {
        cache = null;
    }

    private Map<String, String> values() {
        Map<String, String> current = cache;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (cache == null) {
                cache = load();
            }
            return cache;
        }
    }

    private Map<String, String> load() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SETTING_KEY, SETTING_VALUE FROM CORE.SETTING")) {
            Map<String, String> loaded = new ConcurrentHashMap<>();
            while (rows.next()) {
                loaded.put(rows.getString(1), rows.getString(2));
            }
            return loaded;
        } catch (SQLException e) {
            throw new WorkstationException("SETTINGS-READ", "cannot read the settings", e);
        }
    }
}
