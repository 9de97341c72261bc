package io.kubecdc.operator.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link SinkProbe} over the worker's {@code /readyz} and {@code /metrics} on loopback. */
public final class HttpSinkProbe implements SinkProbe {
  private static final Pattern FRESHNESS =
      Pattern.compile("^kubecdc_sink_freshness_seconds\\{table=\"(.*)\"} (\\S+)$");
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

  @Override
  public Map<String, Double> freshnessSeconds() {
    Map<String, Double> out = new HashMap<>();
    for (String line : get("/metrics").body().split("\n")) {
      Matcher m = FRESHNESS.matcher(line);
      if (m.matches()) {
        out.put(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"), Double.valueOf(m.group(2)));
      }
    }
    return out;
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
