package fr.novaevo.workstation.sync.testing;

import java.net.URI;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A loopback server that answers each request with the next scripted reply: for answers that break the
 * contract (the emulator never sends those), to check that the client refuses them.
 */
public final class ScriptedServer implements AutoCloseable {

    public record Reply(int status, String contentType, String body, Map<String, String> headers) {
        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, Map.of());
        }
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server, 1, 1);
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();

    public ScriptedServer() throws Exception {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Content.Source.consumeAll(request);
                Reply reply = replies.poll();
                if (reply == null) {
                    reply = Reply.json(500, "{\"code\": \"internal_error\"}");
                }
                response.setStatus(reply.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
                reply.headers().forEach(response.getHeaders()::put);
                Content.Sink.write(response, true, reply.body(), callback);
                return true;
            }
        });
        server.start();
    }

    public ScriptedServer then(Reply reply) {
        replies.add(reply);
        return this;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/v1/");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("scripted server did not stop", e);
        }
    }
}
