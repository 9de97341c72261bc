package io.kubecdc.operator.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Creates the operator's Kafka admin clients with bounded timeouts. */
public final class KafkaAdmins {
  private KafkaAdmins() {}

  /**
   * An admin client for {@code bootstrapServers}; {@code clientProperties} (security settings, from
   * the environment) are applied first, the timeouts after, so that a reconcile never waits longer
   * than {@code timeout} for Kafka.
   */
  public static Admin create(
      String bootstrapServers, Map<String, String> clientProperties, Duration timeout) {
    Map<String, Object> p = new HashMap<>(clientProperties);
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "kubecdc-operator");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put("socket.connection.setup.timeout.max.ms", Long.toString(timeout.toMillis()));
    return Admin.create(p);
  }
}
