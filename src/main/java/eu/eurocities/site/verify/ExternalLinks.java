package eu.eurocities.site.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches external links ({@code check --external}; never during a build, which must not need the network). Each
 * URL is asked for with {@code HEAD}, or with {@code GET} when the server refuses {@code HEAD}; redirects are
 * followed. A URL whose answer is an HTTP error, or that cannot be reached within the timeout, is broken.
 */
public final class ExternalLinks {
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param timeout how long to wait to connect and for each answer
     */
    public ExternalLinks(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Fetches every URL, all at once.
     *
     * @param urls absolute http(s) URLs
     * @return the problem with each broken URL ({@code external URL answers HTTP 404}); working URLs are absent
     */
    Map<String, String> problems(Collection<String> urls) {
        Map<String, String> problems = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> pending = urls.stream()
                .distinct()
                .map(url -> fetch(url, "HEAD")
                        .thenCompose(status -> status == 405 || status == 501 ? fetch(url, "GET") : done(status))
                        .handle((status, error) -> {
                            String problem = error != null
                                    ? "external URL cannot be fetched: " + reason(error)
                                    : status >= 400 ? "external URL answers HTTP " + status : null;
                            if (problem != null) {
                                problems.put(url, problem);
                            }
                            return (Void) null;
                        }))
                .toList();
        pending.forEach(CompletableFuture::join);
        return problems;
    }

    private CompletableFuture<Integer> fetch(String url, String method) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(timeout)
                    .header("User-Agent", "eurocities-site link check")
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new IOException("not a valid URL"));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private static CompletableFuture<Integer> done(int status) {
        return CompletableFuture.completedFuture(status);
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
