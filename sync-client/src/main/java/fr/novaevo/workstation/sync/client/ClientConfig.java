package fr.novaevo.workstation.sync.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How the client reaches the platform.
 *
 * @param baseUrl          for example {@code https://api.novaevo.fr/v1/}; plain http only for loopback
 * @param garageId         the garage this workstation belongs to ({@code g-123})
 * @param clientId         fixed per installation ({@code X-Client-Id})
 * @param clientVersion    the application's version ({@code X-Client-Version})
 * @param connectTimeout   deadline to open a connection
 * @param idleTimeout      deadline between two bytes of an exchange
 * @param totalTimeout     deadline for a whole exchange
 * @param maxResponseBytes answers larger than this are refused (a pull page of 1,000 changes fits easily)
 */
public record ClientConfig(URI baseUrl, String garageId, UUID clientId, String clientVersion,
                           Duration connectTimeout, Duration idleTimeout, Duration totalTimeout,
                           int maxResponseBytes) {

    public ClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(garageId, "garageId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes below 1 KiB");
        }
        if (!baseUrl.toString().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
    }

    /** Deadlines for a garage's ordinary connection: 5 s to connect, 15 s idle, 30 s in all, 16 MiB. */
    public static ClientConfig of(URI baseUrl, String garageId, UUID clientId, String clientVersion) {
        return new ClientConfig(baseUrl, garageId, clientId, clientVersion, Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(30), 16 * 1024 * 1024);
    }

    public ClientConfig withTimeouts(Duration connect, Duration idle, Duration total) {
        return new ClientConfig(baseUrl, garageId, clientId, clientVersion, connect, idle, total, maxResponseBytes);
    }

    public ClientConfig withMaxResponseBytes(int value) {
        return new ClientConfig(baseUrl, garageId, clientId, clientVersion, connectTimeout, idleTimeout,
                totalTimeout, value);
    }
}
