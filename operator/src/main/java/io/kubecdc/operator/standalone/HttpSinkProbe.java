package io.kubecdc.operator.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link SinkProbe} over the worker's {@code /readyz} on loopback. */
public final class HttpSinkProbe implements SinkProbe {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final int port;

  public HttpSinkProbe(int port) {
    this.port = port;
  }

  @Override
  public Reply readyz() {
    return get("/readyz");
  }

  private Reply get(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (IOException notListening) {
      return new Reply(-1, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(-1, "");
    }
  }
}
