package fr.novaevo.workstation.obd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Against a real socket on loopback only: never the default Wi-Fi address. */
class TcpTransportTest {

    @Test
    void sendsAndReceivesBytes() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    byte[] buf = new byte[4];
                    int n = in.readNBytes(buf, 0, 4);
                    out.write(("got " + new String(buf, 0, n, StandardCharsets.US_ASCII) + "\r>").getBytes(
                            StandardCharsets.US_ASCII));
                    out.flush();
                    in.read();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (Transport t = TcpTransport.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2))) {
                assertThat(t.name()).isEqualTo("tcp:127.0.0.1:" + server.getLocalPort());
                t.write("ATZ\r".getBytes(StandardCharsets.US_ASCII));
                StringBuilder got = new StringBuilder();
                byte[] buf = new byte[64];
                while (!got.toString().endsWith(">")) {
                    int n = t.read(buf, Duration.ofSeconds(5));
                    assertThat(n).isPositive();
                    got.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
                }
                assertThat(got.toString()).isEqualTo("got ATZ\r\r>");
            }
            peer.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSilentPeerGivesZeroBytesAfterTheDeadline() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Transport t = TcpTransport.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2));
                Socket accepted = server.accept()) {
            assertThat(t.read(new byte[16], Duration.ofMillis(50))).isZero();
            assertThat(t.isOpen()).isTrue();
            assertThat(accepted.isConnected()).isTrue();
        }
    }

    @Test
    void aClosedPeerIsALostLink() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Transport t = TcpTransport.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2))) {
            server.accept().close();
            assertThatThrownBy(() -> t.read(new byte[16], Duration.ofSeconds(5)))
                    .isInstanceOf(ObdException.class)
                    .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.LINK_LOST);
        }
    }

    @Test
    void refusedConnectionIsPortUnavailable() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        assertThatThrownBy(() -> TcpTransport.connect("127.0.0.1", port, Duration.ofSeconds(2)))
                .isInstanceOf(ObdException.class)
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.PORT_UNAVAILABLE);
    }
}
