package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.codec.Codec;
import io.kubecdc.sink.config.TruncatePolicy;
import io.kubecdc.sink.kafka.DeadLetters;
import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.Retrier;
import java.util.function.LongSupplier;

/** The collaborators every {@link TableSink} shares. */
public record SinkContext(
    ClickHouseGateway gateway,
    DeadLetters deadLetters,
    Codec codec,
    Retrier retrier,
    SinkMetrics metrics,
    FlushPolicy policy,
    TruncatePolicy truncatePolicy,
    LongSupplier nanoClock,
    InsertPipeline pipeline) {

  BatchWriter writer() {
    return new BatchWriter(gateway, deadLetters, retrier, metrics, nanoClock);
  }
}
