package io.kubecdc.sink.decode;

/** What one Kafka record of a Debezium table topic means for the sink. */
public sealed interface ChangeEvent {
  /** The source operation of a row event. */
  enum Op {
    CREATE,
    UPDATE,
    DELETE,
    READ
  }

  /**
   * A row change. {@code values} holds the row image to write (the {@code after} image, or the
   * {@code before} image for a delete, which may hold only the key), aligned with {@code
   * schema.fields()}. Values are already decoded to the Java form the encoder expects (see {@link
   * EventSchema}); {@link Unavailable#VALUE} marks an unchanged TOASTed column whose value the
   * event does not carry. {@code version} orders changes of one row: it grows with the source
   * position (PostgreSQL LSN), and a streamed change outranks a snapshot read at the same LSN:
   * {@code version = lsn * 2 + (snapshot ? 0 : 1)}, because the snapshot reads rows at the LSN
   * where streaming starts and the first streamed change may carry that very LSN. A delete's {@code
   * before} image holds only the key columns meaningfully unless the source table has REPLICA
   * IDENTITY FULL (Debezium fills the other NOT NULL columns with their type defaults). {@code
   * before} is the previous image of an update when the source sends one (REPLICA IDENTITY FULL),
   * else null.
   */
  record Row(
      Op op,
      long version,
      long sourceTsMillis,
      EventSchema schema,
      Object[] values,
      Object[] before)
      implements ChangeEvent {
    public Row(Op op, long version, long sourceTsMillis, EventSchema schema, Object[] values) {
      this(op, version, sourceTsMillis, schema, values, null);
    }
  }

  /** A TRUNCATE of the source table at {@code version} (a streamed position, so odd). */
  record Truncate(long version, long sourceTsMillis) implements ChangeEvent {}

  /** A record with a null value, which Debezium writes after a delete for log compaction. */
  record Tombstone() implements ChangeEvent {}
}
