package io.kubecdc.stack.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.stack.StackException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A small Kafka Connect REST client for tests and the demo (the operator has its own). Connect
 * answers 409 while it rebalances, so writes are retried for a while.
 */
public final class ConnectRest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY_FOR = Duration.ofSeconds(60);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final String baseUrl;

  public ConnectRest(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Creates or updates a connector ({@code PUT /connectors/<name>/config}). */
  public void putConfig(String name, Map<String, String> config) {
    send(
        HttpRequest.newBuilder(uri("/connectors/" + name + "/config"))
            .header("Content-Type", "application/json")
            .PUT(json(config)));
  }

  /** The connector's status document, empty if it does not exist. */
  public Optional<JsonNode> status(String name) {
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(uri("/connectors/" + name + "/status")).GET());
    return r.statusCode() == 404 ? Optional.empty() : Optional.of(parse(r.body()));
  }

  /** True when the connector and all its tasks are RUNNING. */
  public boolean running(String name) {
    return status(name)
        .map(
            s -> {
              boolean tasks = s.path("tasks").size() > 0;
              for (JsonNode t : s.path("tasks")) {
                tasks &= "RUNNING".equals(t.path("state").asText());
              }
              return tasks && "RUNNING".equals(s.path("connector").path("state").asText());
            })
        .orElse(false);
  }

  /**
   * Why the connector or one of its tasks FAILED: the stack trace Connect recorded (for an event
   * over the size limit it names {@code RecordTooLargeException}); empty while nothing failed.
   */
  public Optional<String> failureTrace(String name) {
    return status(name)
        .flatMap(
            s -> {
              if ("FAILED".equals(s.path("connector").path("state").asText())) {
                return Optional.of(s.path("connector").path("trace").asText());
              }
              for (JsonNode t : s.path("tasks")) {
                if ("FAILED".equals(t.path("state").asText())) {
                  return Optional.of(t.path("trace").asText());
                }
              }
              return Optional.empty();
            });
  }

  public void delete(String name) {
    send(HttpRequest.newBuilder(uri("/connectors/" + name)).DELETE());
  }

  /**
   * Creates a connector in the STOPPED state (KIP-980), so that its offsets can be reset before it
   * reads anything; fails if it exists.
   */
  public void createStopped(String name, Map<String, String> config) {
    send(
        HttpRequest.newBuilder(uri("/connectors"))
            .header("Content-Type", "application/json")
            .POST(json(Map.of("name", name, "config", config, "initial_state", "STOPPED"))));
  }

  /** Stops the connector's tasks, keeping its config and offsets. */
  public void stop(String name) {
    send(
        HttpRequest.newBuilder(uri("/connectors/" + name + "/stop"))
            .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  public void resume(String name) {
    send(
        HttpRequest.newBuilder(uri("/connectors/" + name + "/resume"))
            .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  /** Forgets the source offsets of a STOPPED connector (KIP-875). */
  public void resetOffsets(String name) {
    send(HttpRequest.newBuilder(uri("/connectors/" + name + "/offsets")).DELETE());
  }

  /**
   * Deletes a connector and its offsets, so that a connector of the same name starts afresh.
   * Deleting a connector alone keeps its offsets in Connect's offset topic.
   */
  public void deleteWithOffsets(String name) {
    if (status(name).isEmpty()) {
      return;
    }
    stop(name);
    long deadline = System.nanoTime() + RETRY_FOR.toNanos();
    while (!"STOPPED"
        .equals(status(name).map(s -> s.path("connector").path("state").asText()).orElse(""))) {
      if (System.nanoTime() > deadline) {
        throw new StackException(
            "connector " + name + " did not stop: " + status(name).orElse(null));
      }
      sleep();
    }
    resetOffsets(name);
    delete(name);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted", e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    long deadline = System.nanoTime() + RETRY_FOR.toNanos();
    while (true) {
      try {
        HttpResponse<String> r =
            http.send(
                request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        boolean rebalancing = r.statusCode() == 409 || r.statusCode() == 503;
        if (!rebalancing || System.nanoTime() > deadline) {
          if (r.statusCode() >= 400 && r.statusCode() != 404) {
            throw new StackException("Kafka Connect answered " + r.statusCode() + ": " + r.body());
          }
          return r;
        }
        Thread.sleep(500);
      } catch (IOException e) {
        throw new StackException(
            "Kafka Connect at " + baseUrl + " unreachable: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StackException("interrupted", e);
      }
    }
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write JSON", e);
    }
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new StackException("Kafka Connect sent invalid JSON: " + body, e);
    }
  }
}
