package org.cacheway.examples.spring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One running shop on a random port against a given Redis, and an HTTP client that sends a cookie. */
final class ShopInstance implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    ShopInstance(String redisLocation) {
        context = new SpringApplicationBuilder(ShopApplication.class)
                .properties("server.port=0", "cacheway.caches.default.location=" + redisLocation,
                        "cacheway.caches.secondary.location=" + redisLocation, "spring.main.banner-mode=off")
                .run();
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        return send(request(path, cookie).GET());
    }

    HttpResponse<String> post(String path, String cookie, String form) throws IOException, InterruptedException {
        return send(request(path, cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path, null).DELETE());
    }

    private HttpRequest.Builder request(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code sessionid=...} a response set, or {@code previous} when it set none. */
    static String sessionCookie(HttpResponse<?> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("sessionid="))
                .map(c -> c.substring(0, c.indexOf(';'))).reduce((first, last) -> last).orElse(previous);
    }

    @Override
    public void close() {
        context.close();
    }
}
