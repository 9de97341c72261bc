package io.kubecdc.sink.codec;

import io.kubecdc.contract.ToastPlaceholder;
import java.util.function.Supplier;

/**
 * Everything the runtime needs from the decode/encode half: a decoder per consumer, batches per
 * table layout and the DDL. {@link #standard()} wires the real Debezium decoder, RowBinary batches
 * and {@link io.kubecdc.sink.table.Ddl}; tests pass fakes.
 */
public record Codec(
    Supplier<RecordDecoder> decoders, BatchFactory batches, SchemaStatements schema) {

  /** The real codec for a connector that uses Debezium's default TOAST placeholder. */
  public static Codec standard() {
    return standard(ToastPlaceholder.DEBEZIUM_DEFAULT);
  }

  /** The real codec for events whose unchanged TOASTed values carry {@code toastPlaceholder}. */
  public static Codec standard(String toastPlaceholder) {
    return new Codec(
        () -> RecordDecoder.debezium(toastPlaceholder),
        BatchFactory.rowBinary(),
        SchemaStatements.ddl());
  }
}
