package fr.novaevo.workstation.obd.elm;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.FrameFormat;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.frames.ResponseDecoder;
import fr.novaevo.workstation.obd.frames.ObdChannel;
import fr.novaevo.workstation.obd.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ELM327 command set over one {@link Transport}, for the real chip, its STN successors and its clones.
 *
 * <p>Not shared between threads: the thread that owns the port owns the driver (calls are serialised anyway).
 * It never sends an empty line: a bare carriage return makes the chip repeat its last command, which after
 * a clear-codes request (mode 04) would clear the codes a second time.
 */
public final class Elm327 implements ObdChannel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Elm327.class);
    private static final Pattern VERSION = Pattern.compile("v\\s?(\\d+\\.\\d+[a-z]?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VOLTS = Pattern.compile("(\\d{1,2}(?:[.,]\\d{1,2})?)\\s*V?", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUEST = Pattern.compile("[0-9A-F]{2,}");

    /**
     * Commands added in each revision of the ELM327 command set (datasheet's revision list), used to find what
     * a chip really implements. Each is harmless with the settings the driver uses afterwards.
     */
    static final Map<String, String> VERSION_PROBES;

    static {
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("1.2", "ATAT1");
        probes.put("1.3", "ATS0");
        probes.put("1.4", "ATIGN");
        probes.put("2.0", "ATAMC");
        VERSION_PROBES = probes;
    }

    private final Transport transport;
    private final ElmSettings settings;
    private final PromptReader reader;
    private final ElmResponseParser parser = new ElmResponseParser();
    private final ResponseDecoder decoder = new ResponseDecoder();
    private final AdaptiveTimeout requestTimeout;
    private final Set<AdapterInfo.Feature> features = EnumSet.noneOf(AdapterInfo.Feature.class);
    private ObdProtocol protocol = ObdProtocol.AUTO;
    private String header = "";
    private boolean lastWasClearCodes;

    public Elm327(Transport transport, ElmSettings settings) {
        this.transport = transport;
        this.settings = settings;
        this.reader = new PromptReader(transport);
        this.requestTimeout = new AdaptiveTimeout(settings.requestFloor(), settings.searchTimeout(),
                settings.requestCeiling());
    }

    /**
     * Resets the chip, sets it up for fast parsing (echo, line feeds and spaces off, headers on, adaptive
     * timing) and probes what it really supports.
     *
     * @throws ObdException {@code OBD-NO-ADAPTER} when nothing ELM-like answers
     */
    public synchronized AdapterInfo initialize() {
        features.clear();
        String banner;
        try {
            reader.discard();
            banner = command("ATZ", settings.resetTimeout()).text();
        } catch (ObdException e) {
            if (e.reason() == ObdErrorCode.TIMEOUT || e instanceof AdapterResponseException) {
                throw new ObdException(ObdErrorCode.NO_ADAPTER,
                        "No ELM327-compatible adapter answers on " + transport.name(), e, transport.name());
            }
            throw e;
        }
        command("ATE0");
        String identity = optional("ATI").orElse(banner);
        if (!looksLikeElm(identity) && !looksLikeElm(banner)) {
            throw new ObdException(ObdErrorCode.NO_ADAPTER,
                    "The device on " + transport.name() + " is not an ELM327 adapter: " + identity, transport.name());
        }
        optional("ATL0");
        String probed = "1.0";
        for (Map.Entry<String, String> probe : VERSION_PROBES.entrySet()) {
            if (optional(probe.getValue()).isEmpty()) {
                break;
            }
            probed = probe.getKey();
        }
        if (AdapterInfo.compareVersions(probed, "1.2") >= 0) {
            features.add(AdapterInfo.Feature.ADAPTIVE_TIMING);
        }
        if (AdapterInfo.compareVersions(probed, "1.3") >= 0) {
            features.add(AdapterInfo.Feature.SPACES_OFF);
            features.add(AdapterInfo.Feature.RESPONSE_COUNT);
        }
        if (optional("ATH1").isPresent()) {
            features.add(AdapterInfo.Feature.HEADERS);
        }
        Optional<String> stn = optional("STI").filter(s -> s.toUpperCase(Locale.ROOT).contains("STN"));
        if (stn.isPresent()) {
            features.add(AdapterInfo.Feature.STN);
        }
        // An STN names the device itself ("OBDLink SX r4.2"); AT@1 there is only the maker's name.
        Optional<String> description = stn.isPresent() ? optional("STDI").or(() -> optional("AT@1"))
                : optional("AT@1");
        OptionalDouble voltage = readVoltageQuietly();
        if (voltage.isPresent()) {
            features.add(AdapterInfo.Feature.VOLTAGE);
        }
        Matcher v = VERSION.matcher(identity);
        String claimed = v.find() ? v.group(1) : "";
        AdapterInfo info = new AdapterInfo(identity, claimed, probed, stn, description, features, voltage);
        if (info.claimsMoreThanItHas()) {
            LOG.info("adapter on {} claims v{} but implements the v{} command set", transport.name(), claimed,
                    probed);
        }
        return info;
    }

    private static boolean looksLikeElm(String identity) {
        String u = identity.toUpperCase(Locale.ROOT);
        return u.contains("ELM") || u.contains("STN") || u.contains("OBD");
    }

    /**
     * Selects a protocol ({@link ObdProtocol#AUTO} searches), wakes the vehicle with {@code 0100} and reads
     * which protocol answered.
     *
     * @return the answers to 0100 from every ECU
     * @throws ObdException {@code OBD-UNABLE-TO-CONNECT} when the vehicle does not answer
     */
    public synchronized List<EcuMessage> connectVehicle(ObdProtocol wanted) {
        command("ATSP" + wanted.number());
        protocol = wanted;
        List<EcuMessage> answers;
        try {
            answers = query("0100", 0, settings.searchTimeout());
        } catch (AdapterResponseException e) {
            if (e.reason() == ObdErrorCode.NO_DATA) {
                throw new ObdException(ObdErrorCode.UNABLE_TO_CONNECT,
                        "The vehicle does not answer (ignition off?)", e);
            }
            throw e;
        }
        String dpn = command("ATDPN").text();
        protocol = ObdProtocol.fromDpn(dpn).orElseThrow(() -> new AdapterResponseException(
                ObdErrorCode.MALFORMED_RESPONSE, "ATDPN", dpn, "Unknown protocol number"));
        LOG.debug("vehicle answers on {}", protocol.description());
        return answers;
    }

    /** The protocol found by {@link #connectVehicle}, or AUTO before. */
    @Override
    public synchronized ObdProtocol protocol() {
        return protocol;
    }

    /** Reads the supply voltage at the OBD socket ({@code ATRV}). */
    public synchronized double batteryVoltage() {
        return batteryVoltage(settings.commandTimeout());
    }

    /** Reads the supply voltage within {@code deadline}: a heartbeat that must notice a silent adapter soon. */
    public synchronized double batteryVoltage(Duration deadline) {
        ElmResponse r = command("ATRV", deadline);
        Matcher m = VOLTS.matcher(r.text());
        if (!m.matches()) {
            throw new AdapterResponseException(ObdErrorCode.MALFORMED_RESPONSE, "ATRV", r.raw(), "Not a voltage");
        }
        return Double.parseDouble(m.group(1).replace(',', '.'));
    }

    private OptionalDouble readVoltageQuietly() {
        try {
            return OptionalDouble.of(batteryVoltage());
        } catch (AdapterResponseException e) {
            LOG.debug("no voltage reading", e);
            return OptionalDouble.empty();
        }
    }

    /**
     * Sets the header of the next requests: "7DF" (functional, every ECU), "7E0" (the engine ECU), "18DB33F1".
     */
    @Override
    public synchronized void setHeader(String hexHeader) {
        String h = hexHeader.toUpperCase(Locale.ROOT);
        if (!h.matches("[0-9A-F]{3}|[0-9A-F]{6}|[0-9A-F]{8}")) {
            throw new IllegalArgumentException("header " + hexHeader);
        }
        if (!h.equals(header)) {
            command("ATSH" + h);
            header = h;
        }
    }

    /**
     * Sends one vehicle request and returns the complete message of every ECU that answered.
     *
     * @param requestHex    the request bytes in hex, e.g. "010C" or "0902" or "22F190"
     * @param responseCount when above 0 and the adapter supports it, the chip returns as soon as this many
     *                      frames arrived instead of waiting for more ECUs (the response-count suffix)
     */
    @Override
    public synchronized List<EcuMessage> query(String requestHex, int responseCount) {
        return query(requestHex, responseCount, requestTimeout.current());
    }

    private List<EcuMessage> query(String requestHex, int responseCount, Duration timeout) {
        String request = requestHex.toUpperCase(Locale.ROOT);
        if (!REQUEST.matcher(request).matches() || request.length() % 2 != 0) {
            throw new IllegalArgumentException("not a hex request: " + requestHex);
        }
        String cmd = request;
        if (responseCount > 0 && responseCount <= 15 && features.contains(AdapterInfo.Feature.RESPONSE_COUNT)
                && !request.startsWith("04")) {
            cmd = request + Integer.toHexString(responseCount).toUpperCase(Locale.ROOT);
        }
        long start = System.nanoTime();
        ElmResponse response = command(cmd, timeout);
        requestTimeout.observe(Duration.ofNanos(System.nanoTime() - start));
        lastWasClearCodes = request.equals("04");
        return decoder.decode(response.lines(), FrameFormat.of(protocol, features.contains(
                AdapterInfo.Feature.HEADERS)));
    }

    /** True when the last request was a clear-codes (mode 04): nothing may repeat it. */
    public synchronized boolean lastRequestWasClearCodes() {
        return lastWasClearCodes;
    }

    /** Sends an AT or ST command with the command deadline. */
    public synchronized ElmResponse command(String command) {
        return command(command, settings.commandTimeout());
    }

    /**
     * Sends one command line and reads its answer. On a timeout, a late answer is drained so that it is not
     * taken for the answer to the next command.
     */
    public synchronized ElmResponse command(String command, Duration timeout) {
        if (command.isBlank()) {
            throw new IllegalArgumentException("an empty line would repeat the previous command");
        }
        if (command.indexOf('\r') >= 0 || command.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("one command per line");
        }
        reader.discard();
        transport.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
        String raw;
        try {
            raw = reader.readUntilPrompt(command, timeout);
        } catch (ObdException e) {
            if (e.reason() == ObdErrorCode.TIMEOUT) {
                drainLateAnswer();
            }
            throw e;
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} -> {}", command, AdapterResponseException.printable(raw));
        }
        return parser.parse(command, raw);
    }

    private Optional<String> optional(String command) {
        try {
            ElmResponse r = command(command);
            return Optional.of(r.text());
        } catch (ObdException e) {
            // Clones answer '?' to what they lack, some say nothing at all; a lost link is still fatal.
            if (e.reason() == ObdErrorCode.LINK_LOST || e.reason() == ObdErrorCode.CANCELLED) {
                throw e;
            }
            LOG.debug("{} not supported: {}", command, e.getMessage());
            return Optional.empty();
        }
    }

    /** How long a late answer is waited for after a timeout, before the next command. */
    public static final Duration DRAIN = Duration.ofMillis(200);

    private void drainLateAnswer() {
        try {
            reader.readUntilPrompt("(drain)", DRAIN);
        } catch (ObdException ignored) {
            // Still nothing: the next command starts with an empty buffer anyway.
        }
        reader.discard();
    }

    /** Hex of a byte array as a request string, e.g. {0x01, 0x0C} gives "010C". */
    public static String hex(byte... bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    public Transport transport() {
        return transport;
    }

    @Override
    public void close() {
        transport.close();
    }
}
