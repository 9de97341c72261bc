package io.kubecdc.sink.codec;

import java.util.function.Supplier;

/**
 * Everything the runtime needs from the decode/encode half: a decoder per consumer, batches per
 * table layout and the DDL. {@link #standard()} wires the real Debezium decoder, RowBinary batches
 * and {@link io.kubecdc.sink.table.Ddl}; tests pass fakes.
 */
public record Codec(
    Supplier<RecordDecoder> decoders, BatchFactory batches, SchemaStatements schema) {

  public static Codec standard() {
    return new Codec(RecordDecoder::debezium, BatchFactory.rowBinary(), SchemaStatements.ddl());
  }
}
