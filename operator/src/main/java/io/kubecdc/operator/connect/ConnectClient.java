package io.kubecdc.operator.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The operator's client of the Kafka Connect REST API. Kafka ships no Java client for it (only the
 * server side), so this is a thin typed layer over {@link HttpClient} and Jackson. Every call is
 * bounded: Connect answers 409 while it rebalances, which is retried for at most {@code
 * rebalanceBudget}, then reported as unavailable so that the reconcile is retried later instead of
 * blocking a worker thread.
 */
public final class ConnectClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final String baseUrl;
  private final Duration requestTimeout;
  private final Duration rebalanceBudget;

  public ConnectClient(String baseUrl, Duration requestTimeout, Duration rebalanceBudget) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.requestTimeout = requestTimeout;
    this.rebalanceBudget = rebalanceBudget;
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
  }

  public static ConnectClient of(String baseUrl) {
    return new ConnectClient(baseUrl, Duration.ofSeconds(15), Duration.ofSeconds(10));
  }

  /** The connector's config, empty if it does not exist. */
  public Optional<Map<String, String>> config(String name) {
    HttpResponse<String> r = send(get("/connectors/" + path(name) + "/config"));
    return r.statusCode() == 404
        ? Optional.empty()
        : Optional.of(read(r, new TypeReference<>() {}));
  }

  /** Creates or updates a connector; idempotent. */
  public void putConfig(String name, Map<String, String> config) {
    send(
        request("/connectors/" + path(name) + "/config")
            .header("Content-Type", "application/json")
            .PUT(body(config)));
  }

  /** The connector's status, empty if it does not exist. */
  public Optional<ConnectorState> status(String name) {
    HttpResponse<String> r = send(get("/connectors/" + path(name) + "/status"));
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    JsonNode s = read(r, new TypeReference<JsonNode>() {});
    List<ConnectorState.TaskState> tasks = new ArrayList<>();
    for (JsonNode t : s.path("tasks")) {
      tasks.add(
          new ConnectorState.TaskState(
              t.path("id").asInt(),
              t.path("state").asText(),
              t.path("worker_id").asText(),
              t.hasNonNull("trace") ? t.get("trace").asText() : null));
    }
    JsonNode c = s.path("connector");
    return Optional.of(
        new ConnectorState(
            name,
            c.path("state").asText(),
            c.hasNonNull("trace") ? c.get("trace").asText() : null,
            tasks));
  }

  /** Restarts the connector's failed instances and tasks (KIP-745). */
  public void restartFailed(String name) {
    send(
        request("/connectors/" + path(name) + "/restart?includeTasks=true&onlyFailed=true")
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  public void pause(String name) {
    send(request("/connectors/" + path(name) + "/pause").PUT(HttpRequest.BodyPublishers.noBody()));
  }

  public void resume(String name) {
    send(request("/connectors/" + path(name) + "/resume").PUT(HttpRequest.BodyPublishers.noBody()));
  }

  /** Stops the connector's tasks, keeping its config (KIP-980). */
  public void stop(String name) {
    send(request("/connectors/" + path(name) + "/stop").PUT(HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * Waits until the connector's status satisfies {@code done} (Connect applies stop, resume and
   * delete asynchronously), or fails as unavailable after {@code deadlineNanos}.
   */
  public void awaitStatus(
      String name, Predicate<Optional<ConnectorState>> done, long deadlineNanos, String what) {
    try {
      while (!done.test(status(name))) {
        if (System.nanoTime() > deadlineNanos) {
          throw new ConnectException(
              "connector " + name + " did not " + what + " in time", true, 0, null);
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for connector " + name, e);
    }
  }

  /** Forgets the source offsets of a STOPPED connector (KIP-875). */
  public void resetOffsets(String name) {
    send(request("/connectors/" + path(name) + "/offsets").DELETE());
  }

  /** Deletes the connector (its offsets stay in Connect's offsets topic). */
  public void delete(String name) {
    send(request("/connectors/" + path(name)).DELETE());
  }

  /** The connector classes installed on the Connect workers. */
  public List<String> pluginClasses() {
    HttpResponse<String> r = send(get("/connector-plugins?connectorsOnly=true"));
    List<String> out = new ArrayList<>();
    read(r, new TypeReference<JsonNode>() {}).forEach(p -> out.add(p.path("class").asText()));
    return out;
  }

  /**
   * Connect's own validation of a config for a plugin: the errors per field, empty when valid
   * (config-provider references are not resolved by validation).
   */
  public Map<String, List<String>> validate(String connectorClass, Map<String, String> config) {
    HttpResponse<String> r =
        send(
            request("/connector-plugins/" + path(connectorClass) + "/config/validate")
                .header("Content-Type", "application/json")
                .PUT(body(config)));
    Map<String, List<String>> errors = new java.util.TreeMap<>();
    for (JsonNode c : read(r, new TypeReference<JsonNode>() {}).path("configs")) {
      List<String> e = new ArrayList<>();
      c.path("value").path("errors").forEach(x -> e.add(x.asText()));
      if (!e.isEmpty()) {
        errors.put(c.path("value").path("name").asText(), e);
      }
    }
    return errors;
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout);
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    long deadline = System.nanoTime() + rebalanceBudget.toNanos();
    while (true) {
      HttpResponse<String> r;
      try {
        r = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new ConnectException(
            "Kafka Connect at " + baseUrl + " unreachable: " + e.getMessage(), true, 0, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectException("interrupted", true, 0, e);
      }
      int code = r.statusCode();
      // 409 while a rebalance runs; 500 "a rebalance is expected" just before one starts; 503
      // while the worker is still joining the group. All three pass on their own.
      boolean rebalancing =
          code == 409
              || code == 503
              || (code == 500 && r.body() != null && r.body().contains("rebalance"));
      if (rebalancing && System.nanoTime() < deadline) {
        pause(Duration.ofMillis(300));
        continue;
      }
      if (code == 404 || code < 400) {
        return r;
      }
      String what = request.method() + " " + request.uri().getPath();
      throw new ConnectException(
          "Kafka Connect answered " + code + " to " + what + ": " + message(r.body()),
          rebalancing || code >= 500,
          code,
          null);
    }
  }

  private static String message(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n.hasNonNull("message") ? n.get("message").asText() : body;
    } catch (IOException e) {
      return body;
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("interrupted", true, 0, e);
    }
  }

  private static <T> T read(HttpResponse<String> r, TypeReference<T> type) {
    try {
      return JSON.readValue(r.body(), type);
    } catch (IOException e) {
      throw new ConnectException(
          "Kafka Connect sent invalid JSON: " + r.body(), true, r.statusCode(), e);
    }
  }

  private static HttpRequest.BodyPublisher body(Object value) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write JSON", e);
    }
  }

  private static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
