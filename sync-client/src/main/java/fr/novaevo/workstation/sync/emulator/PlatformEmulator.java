package fr.novaevo.workstation.sync.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.sync.json.SyncJson;
import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local NovaEvo platform implementing the workstation API contract, on 127.0.0.1 only. The demo mode
 * starts one with sample data; tests start one per test and inject faults through {@link #faults()}.
 */
public final class PlatformEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformEmulator.class);

    private final Server server;
    private final ServerConnector connector;
    private final PlatformState state;
    private final AuthRegistry auth;
    private final EmulatorFaults faults;
    private final EmulatorConfig config;
    private final IdempotencyMemory idempotency = new IdempotencyMemory();
    private final EmulatorHandler handler;
    private java.util.concurrent.ScheduledExecutorService activityTimer;

    private PlatformEmulator(EmulatorConfig config, int port) {
        ObjectMapper json = SyncJson.newMapper();
        this.config = config;
        this.state = new PlatformState(json, config.clock(), config.garageId(), config.cursorTtl());
        this.auth = new AuthRegistry(config.garageId(), config.apiKey(), config.accessTokenTtl(), config.clock());
        this.faults = new EmulatorFaults();
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("platform-emulator");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        this.handler = new EmulatorHandler(json, state, auth, idempotency, faults, config.clock());
        server.setHandler(handler);
        SampleData.offers().forEach(state::addOffer);
        if (config.sampleData()) {
            new SampleData(json, config.clock(), config.garageId()).seed(state);
        }
    }

    /** Every {@code feedback} body received (accepted ones), oldest first. */
    public java.util.List<com.fasterxml.jackson.databind.JsonNode> feedbackReceived() {
        return handler.feedbackReceived();
    }

    /** Adds {@code count} generated bookings (benchmarks, load tests). */
    public void seedBulkBookings(int count) {
        new SampleData(SyncJson.newMapper(), config.clock(), config.garageId()).seedBulk(state, count);
    }

    /** Platform-side events on demand (tests) or on a timer (see {@link #startActivity}). */
    public OfficeActivity officeActivity(long seed) {
        return new OfficeActivity(state, SyncJson.newMapper(), config.clock(), seed);
    }

    /** For the demo: one platform-side event every {@code period} until {@link #close()}. */
    public synchronized void startActivity(java.time.Duration period, long seed) {
        if (activityTimer != null) {
            return;
        }
        OfficeActivity activity = officeActivity(seed);
        activityTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "platform-emulator-office");
            t.setDaemon(true);
            return t;
        });
        activityTimer.scheduleWithFixedDelay(() -> {
            try {
                String what = activity.step();
                if (!what.isEmpty()) {
                    LOG.debug("platform emulator: {}", what);
                }
            } catch (RuntimeException e) {
                LOG.warn("platform emulator: office activity failed", e);
            }
        }, period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Starts on a free port of 127.0.0.1. */
    public static PlatformEmulator start(EmulatorConfig config) {
        return start(config, 0);
    }

    /** Starts on {@code port} of 127.0.0.1 (0: any free port). */
    public static PlatformEmulator start(EmulatorConfig config, int port) {
        PlatformEmulator emulator = new PlatformEmulator(config, port);
        try {
            emulator.server.start();
        } catch (Exception e) {
            emulator.close();
            throw new IllegalStateException("platform emulator could not start on 127.0.0.1:" + port, e);
        }
        LOG.info("platform emulator listening on {}", emulator.baseUri());
        return emulator;
    }

    /** {@code http://127.0.0.1:<port>/v1/}, the base URL a client is configured with. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/v1/");
    }

    public EmulatorConfig config() {
        return config;
    }

    public PlatformState state() {
        return state;
    }

    public EmulatorFaults faults() {
        return faults;
    }

    /** Every access token handed out so far is expired ({@code 401 token_expired}). */
    public void expireAccessTokens() {
        auth.expireAccessTokens();
    }

    /** Every access token is revoked ({@code 401 invalid_token}). */
    public void revokeAccessTokens() {
        auth.revokeAccessTokens();
    }

    /** Every refresh token is refused ({@code 401 invalid_refresh_token}). */
    public void revokeRefreshTokens() {
        auth.revokeRefreshTokens();
    }

    /** Every cursor handed out so far is expired ({@code 410 cursor_expired}). */
    public void expireCursors() {
        state.expireCursors();
    }

    IdempotencyMemory idempotency() {
        return idempotency;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (activityTimer != null) {
                activityTimer.shutdownNow();
            }
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("platform emulator did not stop cleanly", e);
        }
    }
}
