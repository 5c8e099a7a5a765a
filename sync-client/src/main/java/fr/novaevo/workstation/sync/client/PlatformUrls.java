package fr.novaevo.workstation.sync.client;

import fr.novaevo.workstation.sync.error.InsecureUrlException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** The contract's transport rule: HTTPS, or plain HTTP to a loopback address only. */
public final class PlatformUrls {

    private PlatformUrls() {
    }

    /** @throws InsecureUrlException for anything else (including a URL without a host) */
    public static URI requireAllowed(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new InsecureUrlException(url.toString());
        }
        if (scheme.equals("https") || (scheme.equals("http") && isLoopback(host))) {
            return url;
        }
        throw new InsecureUrlException(url.toString());
    }

    /** Only literal loopback addresses and {@code localhost}: no name is resolved, so DNS cannot lie. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
