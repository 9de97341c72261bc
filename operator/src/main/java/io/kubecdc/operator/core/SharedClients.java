package io.kubecdc.operator.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clients of one kind kept per endpoint across reconciles, instead of opened and closed in each: a
 * Kafka admin client fetches cluster metadata and starts a network thread, a ClickHouse client
 * builds an HTTP pool, and with many pipelines rechecked on a period that setup was most of a
 * reconcile's cost. Both are thread-safe, so pipelines of one environment share them. When the
 * credentials for an endpoint change (a rotated Secret) the old client is closed and a new one
 * opened; credentials are only compared, never logged.
 */
final class SharedClients<C extends AutoCloseable> {
  private static final Logger LOG = LoggerFactory.getLogger(SharedClients.class);

  private record Entry<C>(String credentials, C client) {}

  private final String kind;
  private final Map<String, Entry<C>> byEndpoint = new ConcurrentHashMap<>();

  SharedClients(String kind) {
    this.kind = kind;
  }

  /**
   * The client for {@code endpoint}, opened with {@code open} unless one with these credentials
   * exists.
   */
  C get(String endpoint, String credentials, Supplier<C> open) {
    return byEndpoint.compute(
            endpoint,
            (k, old) -> {
              if (old != null && old.credentials.equals(credentials)) {
                return old;
              }
              if (old != null) {
                close(endpoint, old.client);
              }
              LOG.info("event=client_opened kind={} endpoint={}", kind, endpoint);
              return new Entry<>(credentials, open.get());
            })
        .client;
  }

  private void close(String endpoint, C client) {
    try {
      client.close();
      LOG.info("event=client_replaced kind={} endpoint={} why=credentials_changed", kind, endpoint);
    } catch (Exception e) {
      LOG.warn(
          "event=client_close_failed kind={} endpoint={} error={}", kind, endpoint, e.toString());
    }
  }
}
