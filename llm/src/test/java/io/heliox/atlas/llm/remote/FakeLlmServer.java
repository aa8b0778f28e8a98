package io.heliox.atlas.llm.remote;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for a provider's HTTP API (NOTES.md: the JDK's HttpServer, reached through
 * each client's base URL): answers scripted responses in order (the last one repeats) and records
 * every request, so a test sees exactly how many calls a retry or a breaker let through.
 */
final class FakeLlmServer implements AutoCloseable {

    record Scripted(int status, String body, long delayMs) {
    }

    record Request(String path, String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Scripted> script = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Scripted last = new Scripted(500, "{}", 0);

    FakeLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestURI().getPath(), body));
            Scripted next = script.pollFirst();
            if (next == null) {
                next = last;
            } else {
                last = next;
            }
            try {
                Thread.sleep(next.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(next.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException clientGone) {
                // the client timed out and closed the connection: nothing to answer
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    FakeLlmServer then(int status, String body) {
        script.addLast(new Scripted(status, body, 0));
        return this;
    }

    FakeLlmServer thenSlow(long delayMs, String body) {
        script.addLast(new Scripted(200, body, delayMs));
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String openAi(String content, String finish) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"%s"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150}}"""
                .formatted(quote(content), finish);
    }

    static String anthropic(String content) {
        return """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-3-5-haiku-latest",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn",
                 "usage":{"input_tokens":100,"output_tokens":20}}""".formatted(quote(content));
    }

    static String ollama(String content) {
        return """
                {"model":"llama3.1","created_at":"2026-11-24T00:00:00Z","message":{"role":"assistant","content":%s},
                 "done":true,"done_reason":"stop","prompt_eval_count":90,"eval_count":10}""".formatted(quote(content));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
