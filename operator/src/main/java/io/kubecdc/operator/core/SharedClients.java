package io.kubecdc.operator.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clients of one kind kept across reconciles, one per endpoint and credentials, instead of opened
 * and closed in each: a Kafka admin client fetches cluster metadata and starts a network thread, a
 * ClickHouse client builds an HTTP pool, and with many pipelines rechecked on a period that setup
 * was a large part of a reconcile. Both are thread-safe, so the pipelines of an environment share
 * them. Namespaces with their own credentials for the same endpoint get their own client; a client
 * no reconcile asked for during {@code maxIdle} (its environment is gone, its Secret was rotated)
 * is closed. Credentials are only compared, never logged.
 */
final class SharedClients<C extends AutoCloseable> {
  private static final Logger LOG = LoggerFactory.getLogger(SharedClients.class);

  private record Key(String endpoint, String credentials) {}

  private static final class Entry<C> {
    final C client;
    volatile long lastUsed = System.nanoTime();

    Entry(C client) {
      this.client = client;
    }
  }

  private final String kind;
  private final Duration maxIdle;
  private final Map<Key, Entry<C>> clients = new ConcurrentHashMap<>();

  SharedClients(String kind, Duration maxIdle) {
    this.kind = kind;
    this.maxIdle = maxIdle;
  }

  /** The client for {@code endpoint} and {@code credentials}, opened with {@code open} if none. */
  C get(String endpoint, String credentials, Supplier<C> open) {
    closeIdle();
    Entry<C> e =
        clients.computeIfAbsent(
            new Key(endpoint, credentials),
            k -> {
              LOG.info("event=client_opened kind={} endpoint={}", kind, endpoint);
              return new Entry<>(open.get());
            });
    e.lastUsed = System.nanoTime();
    return e.client;
  }

  private void closeIdle() {
    long now = System.nanoTime();
    clients.forEach(
        (k, e) -> {
          if (now - e.lastUsed > maxIdle.toNanos() && clients.remove(k, e)) {
            try {
              e.client.close();
              LOG.info("event=client_closed kind={} endpoint={} why=idle", kind, k.endpoint());
            } catch (Exception ex) {
              LOG.warn(
                  "event=client_close_failed kind={} endpoint={} error={}",
                  kind,
                  k.endpoint(),
                  ex.toString());
            }
          }
        });
  }
}
