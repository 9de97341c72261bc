package io.kubecdc.sink.config;

import io.kubecdc.contract.EventSizeLimit;
import io.kubecdc.contract.ToastPlaceholder;
import io.kubecdc.contract.types.OutOfRange;
import io.kubecdc.sink.table.TableLayout;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks a parsed {@link SinkConfig}; collects every problem with its field path. */
final class ConfigValidator {
  /** Client properties the worker owns, or that would put a secret into a ConfigMap. */
  private static final Set<String> RESERVED_CLIENT_PROPERTIES =
      Set.of(
          "bootstrap.servers",
          "group.id",
          "enable.auto.commit",
          "key.deserializer",
          "value.deserializer",
          "key.serializer",
          "value.serializer",
          "sasl.jaas.config",
          "ssl.key.password",
          "ssl.keystore.password",
          "ssl.truststore.password");

  /** Size settings that must agree with the connector's: one value, {@code maxEventBytes}. */
  private static final Set<String> SIZE_PROPERTIES =
      Set.of("max.partition.fetch.bytes", "fetch.max.bytes", "max.request.size", "buffer.memory");

  private final List<String> problems = new ArrayList<>();

  private ConfigValidator() {}

  static void validate(SinkConfig config) throws ConfigException {
    ConfigValidator v = new ConfigValidator();
    v.check(config);
    if (!v.problems.isEmpty()) {
      throw new ConfigException(v.problems);
    }
  }

  private void check(SinkConfig c) {
    if (c.kafka() == null) {
      problems.add("kafka: is required");
    } else {
      notBlank("kafka.bootstrapServers", c.kafka().bootstrapServers());
      notBlank("kafka.groupId", c.kafka().groupId());
      positive("kafka.timeoutMs", c.kafka().timeoutMs());
      for (String key : c.kafka().clientProperties().keySet()) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (RESERVED_CLIENT_PROPERTIES.contains(lower)) {
          problems.add("kafka.clientProperties." + key + ": is set by the worker or is a secret");
        } else if (SIZE_PROPERTIES.contains(lower)) {
          problems.add("kafka.clientProperties." + key + ": is derived from kafka.maxEventBytes");
        }
      }
      checkSizeLimit(c.kafka().maxEventBytes());
    }
    if (c.clickhouse() == null) {
      problems.add("clickhouse: is required");
    } else {
      if (notBlank("clickhouse.url", c.clickhouse().url())) {
        checkUrl(c.clickhouse().url());
      }
      positive("clickhouse.connectTimeoutMs", c.clickhouse().connectTimeoutMs());
      positive("clickhouse.requestTimeoutMs", c.clickhouse().requestTimeoutMs());
    }
    notBlank("deadLetterTopic", c.deadLetterTopic());
    String placeholder = ToastPlaceholder.problem(c.toastPlaceholder());
    if (placeholder != null) {
      problems.add("toastPlaceholder: " + placeholder);
    }
    if (c.tables().isEmpty()) {
      problems.add("tables: must not be empty");
    }
    Set<String> topics = new HashSet<>();
    for (int i = 0; i < c.tables().size(); i++) {
      checkTable("tables[" + i + "]", c.tables().get(i), topics);
    }
    positive("batch.maxRows", c.batch().maxRows());
    positive("batch.maxBytes", c.batch().maxBytes());
    positive("batch.maxDelayMs", c.batch().maxDelayMs());
    if (c.deadLetterLimit().maxPerTable() < 0) {
      problems.add("deadLetterLimit.maxPerTable: must be 0 or more");
    }
    positive("deadLetterLimit.windowSeconds", c.deadLetterLimit().windowSeconds());
    positive("health.probeIntervalMs", c.health().probeIntervalMs());
    positive("health.probeTimeoutMs", c.health().probeTimeoutMs());
    if (c.http().port() < 0 || c.http().port() > 65535) {
      problems.add("http.port: must be between 0 and 65535");
    }
  }

  private void checkTable(String at, TableConfig t, Set<String> topics) {
    if (t == null) {
      problems.add(at + ": must not be null");
      return;
    }
    if (notBlank(at + ".topic", t.topic()) && !topics.add(t.topic())) {
      problems.add(at + ".topic: duplicate topic " + t.topic());
    }
    notBlank(at + ".database", t.database());
    notBlank(at + ".table", t.table());
    if (t.keyColumns().isEmpty()) {
      problems.add(at + ".keyColumns: must not be empty");
    }
    if (t.columns().isEmpty()) {
      problems.add(at + ".columns: must not be empty");
    }
    Set<String> names = new HashSet<>();
    for (int j = 0; j < t.columns().size(); j++) {
      TableConfig.Column col = t.columns().get(j);
      String cat = at + ".columns[" + j + "]";
      if (col == null) {
        problems.add(cat + ": must not be null");
        continue;
      }
      if (notBlank(cat + ".type", col.type()) && col.outOfRange() != null) {
        checkOutOfRange(cat, col, t.keyColumns().contains(col.name()));
      }
      if (notBlank(cat + ".name", col.name())) {
        if (col.name().equals(TableLayout.VERSION) || col.name().equals(TableLayout.DELETED)) {
          problems.add(cat + ".name: " + col.name() + " is reserved");
        } else if (!names.add(col.name())) {
          problems.add(cat + ".name: duplicate column " + col.name());
        }
      }
    }
    for (int k = 0; k < t.keyColumns().size(); k++) {
      String key = t.keyColumns().get(k);
      if (!t.columns().isEmpty() && !names.contains(key)) {
        problems.add(at + ".keyColumns[" + k + "]: " + key + " is not one of the columns");
      }
    }
  }

  private void checkSizeLimit(int maxEventBytes) {
    try {
      new EventSizeLimit(maxEventBytes);
    } catch (IllegalArgumentException e) {
      problems.add("kafka." + e.getMessage());
    }
  }

  /** The choice must fit the type: the operator derives both from the same catalog mapping. */
  private void checkOutOfRange(String at, TableConfig.Column col, boolean key) {
    OutOfRange choice;
    try {
      choice = col.outOfRangeChoice();
    } catch (IllegalArgumentException e) {
      problems.add(at + ".outOfRange: " + e.getMessage());
      return;
    }
    String type = col.type().replace(" ", "");
    String bare = type.startsWith("Nullable(") ? type.substring(9) : type;
    boolean temporal = bare.startsWith("Date32") || bare.startsWith("DateTime64(");
    boolean text = type.equals("String") || type.equals("Nullable(String)");
    if (choice == OutOfRange.STRING && !text) {
      problems.add(at + ".outOfRange: string needs type String, not " + col.type());
    } else if (choice != OutOfRange.STRING && !temporal) {
      problems.add(
          at + ".outOfRange: " + choice.configName() + " needs a Date32 or DateTime64 type");
    } else if (choice == OutOfRange.NULLIFY && (key || !type.startsWith("Nullable("))) {
      problems.add(at + ".outOfRange: nullify needs a Nullable type and a column outside the key");
    }
  }

  private void checkUrl(String url) {
    try {
      URI uri = URI.create(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        problems.add("clickhouse.url: must be an http:// or https:// URL");
      } else if (uri.getUserInfo() != null) {
        problems.add("clickhouse.url: must not carry credentials");
      }
    } catch (IllegalArgumentException e) {
      problems.add("clickhouse.url: not a URL");
    }
  }

  private boolean notBlank(String at, String value) {
    if (value == null || value.isBlank()) {
      problems.add(at + ": must not be empty");
      return false;
    }
    return true;
  }

  private void positive(String at, Number value) {
    if (value.longValue() <= 0) {
      problems.add(at + ": must be greater than 0");
    }
  }
}
