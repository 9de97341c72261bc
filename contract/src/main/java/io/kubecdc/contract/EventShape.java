package io.kubecdc.contract;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Debezium connector settings that shape change events, in one place: the operator renders
 * every connector config from {@link #connectorSettings()} and the sink-worker decodes exactly what
 * they produce. Changing one of them is a change of the event format: the sink-worker's decoder
 * tests run against events produced with these settings.
 *
 * <ul>
 *   <li>JSON with schemas on key and value: the types travel with the data (decimal scale,
 *       timestamp unit, the type of a column added later).
 *   <li>{@code decimal.handling.mode=precise}: numeric(p,s) is a Connect Decimal (unscaled
 *       two's-complement bytes, base64 in JSON, scale and precision in the schema); numeric without
 *       a scale is Debezium's VariableScaleDecimal struct {scale, value}. Exact, never a double.
 *   <li>{@code time.precision.mode=adaptive_time_microseconds}: date is days
 *       (io.debezium.time.Date), time is microseconds (MicroTime), timestamp(0..3) milliseconds
 *       (Timestamp), timestamp(4..6) microseconds (MicroTimestamp); timestamptz is an ISO-8601
 *       string in UTC (ZonedTimestamp) keeping its microseconds.
 *   <li>{@code binary.handling.mode=bytes}: bytea is Connect bytes (base64 in JSON).
 *   <li>Truncates are emitted ({@code skipped.operations=none}); deletes are followed by a
 *       tombstone for log compaction; unchanged TOASTed values carry a placeholder that {@link
 *       PipelineEvents} sets per pipeline (Debezium's default {@link #UNAVAILABLE_VALUE} when only
 *       these settings are used).
 *   <li>Partitioned tables are captured through their root: Debezium creates the publication for
 *       the included tables ({@code publication.autocreate.mode=filtered}) with {@code
 *       publish_via_partition_root = true}, so a change in any partition, attached now or later, is
 *       published as a change of the root, on the root's topic. Without it PostgreSQL publishes the
 *       partitions, which are not in the include list, and only the snapshot arrives.
 *   <li>A heartbeat every 10 s keeps the replication slot moving when the captured tables are idle;
 *       heartbeats go to their own topic, which the sink does not read.
 * </ul>
 */
public final class EventShape {
  /**
   * What Debezium writes for an unchanged TOASTed column unless told otherwise; pipelines use
   * {@link PipelineEvents#toastPlaceholder()}.
   */
  public static final String UNAVAILABLE_VALUE = ToastPlaceholder.DEBEZIUM_DEFAULT;

  private static final Map<String, String> SETTINGS = build();

  private EventShape() {}

  /**
   * Connector-level settings (converters included) that are the same for every pipeline; {@link
   * PipelineEvents#connectorSettings()} adds what differs per pipeline.
   */
  public static Map<String, String> connectorSettings() {
    return SETTINGS;
  }

  private static Map<String, String> build() {
    Map<String, String> s = new TreeMap<>();
    s.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    s.put("key.converter.schemas.enable", "true");
    s.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    s.put("value.converter.schemas.enable", "true");
    s.put("decimal.handling.mode", "precise");
    s.put("time.precision.mode", "adaptive_time_microseconds");
    s.put("binary.handling.mode", "bytes");
    s.put("interval.handling.mode", "string");
    s.put("hstore.handling.mode", "json");
    s.put("publication.autocreate.mode", "filtered");
    s.put("publish.via.partition.root", "true");
    s.put("tombstones.on.delete", "true");
    s.put("skipped.operations", "none");
    s.put("heartbeat.interval.ms", "10000");
    s.put("provide.transaction.metadata", "false");
    // unknown types would arrive as PostgreSQL's binary form: the catalog check excludes them
    s.put("include.unknown.datatypes", "false");
    // money is a Decimal of this scale (types.CatalogTypeMapping maps it to Decimal(19, 2))
    s.put("money.fraction.digits", "2");
    // Debezium's default poll interval adds 500 ms of latency
    s.put("poll.interval.ms", "20");
    // the events are large (schema in every record): compress them on the way to Kafka
    s.put("producer.override.compression.type", "lz4");
    // and send them in large batches: with the 16 kB default a batch holds a few events, and at
    // 10,000 events/s Connect and the broker spend a third more CPU on requests (linger adds <=10
    // ms)
    s.put("producer.override.batch.size", "524288");
    s.put("producer.override.linger.ms", "10");
    return Collections.unmodifiableMap(s);
  }
}
