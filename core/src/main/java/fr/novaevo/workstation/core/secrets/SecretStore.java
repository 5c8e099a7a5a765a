package fr.novaevo.workstation.core.secrets;

import java.util.Optional;

/**
 * Where the API key and tokens live. Never in clear text on disk, never in logs: callers get the value as a
 * {@code char[]} they can wipe, and nothing here logs a value.
 */
public interface SecretStore {

    void put(String name, char[] value);

    Optional<char[]> get(String name);

    boolean contains(String name);

    void remove(String name);
}
