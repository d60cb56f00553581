package io.sightline.integrations.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** A scripted HTTP(S) server on 127.0.0.1: answers are taken in order, the last one repeats. */
final class LoopbackServer implements AutoCloseable {

    record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
        static Answer of(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body, 0);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> copy = new java.util.HashMap<>(headers);
            copy.put(name, value);
            return new Answer(status, Map.copyOf(copy), body, delayMillis);
        }

        Answer delayed(long millis) {
            return new Answer(status, headers, body, millis);
        }
    }

    record Seen(String method, String rawQuery, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer last = Answer.of(200, "{}");
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxActive = new java.util.concurrent.atomic.AtomicInteger();

    private LoopbackServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static LoopbackServer http() throws IOException {
        return new LoopbackServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    static LoopbackServer https(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new LoopbackServer(server);
    }

    LoopbackServer answer(Answer... answers) {
        for (Answer answer : answers) {
            script.add(answer);
            last = answer;
        }
        return this;
    }

    String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    int requestCount() {
        return requests.size();
    }

    /** Highest number of requests the server was handling at the same time. */
    int maxConcurrentRequests() {
        return maxActive.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        respond(exchange);
    }

    private void respond(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestURI().getRawPath(), Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = script.poll();
        if (answer == null) {
            answer = last;
        }
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            // counted as finished before answering, so the client's next request cannot overlap it
            active.decrementAndGet();
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            active.decrementAndGet();
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client timed out; nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
