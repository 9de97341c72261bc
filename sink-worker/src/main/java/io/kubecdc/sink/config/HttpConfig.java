package io.kubecdc.sink.config;

/** The port of /healthz, /readyz and /metrics; 0 picks a free port (logged at start). */
public record HttpConfig(Integer port) {
  public static final int DEFAULT_PORT = 8080;
  public static final HttpConfig DEFAULTS = new HttpConfig(null);

  public HttpConfig {
    port = port == null ? DEFAULT_PORT : port;
  }
}
