package io.kubecdc.sink.it;

import io.kubecdc.sink.codec.RecordDecoder;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.DecodeException;
import io.kubecdc.sink.decode.EventSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoder the ITs control (the Debezium decoder is written elsewhere): {@code
 * id:version:name[:note]} is an upsert, {@code del:id:version} a delete, {@code truncate:version} a
 * truncate, null a tombstone; anything else does not decode.
 */
final class TextDecoder implements RecordDecoder {
  @Override
  public ChangeEvent decode(byte[] value) throws DecodeException {
    if (value == null) {
      return new ChangeEvent.Tombstone();
    }
    String[] p = new String(value, StandardCharsets.UTF_8).split(":", -1);
    try {
      if (p[0].equals("truncate") && p.length == 2) {
        return new ChangeEvent.Truncate(Long.parseLong(p[1]), System.currentTimeMillis());
      }
      if (p[0].equals("del") && p.length == 3) {
        return row(ChangeEvent.Op.DELETE, Long.parseLong(p[1]), Long.parseLong(p[2]), null, null);
      }
      if (p.length == 3 || p.length == 4) {
        return row(
            ChangeEvent.Op.UPDATE,
            Long.parseLong(p[0]),
            Long.parseLong(p[1]),
            p[2],
            p.length == 4 ? p[3] : null);
      }
    } catch (NumberFormatException e) {
      throw new DecodeException("bad number in " + String.join(":", p));
    }
    throw new DecodeException("not a test event: " + new String(value, StandardCharsets.UTF_8));
  }

  private static ChangeEvent.Row row(
      ChangeEvent.Op op, long id, long version, String name, String note) {
    List<EventSchema.Field> fields =
        new ArrayList<>(List.of(new EventSchema.Field("id", "Int64", false)));
    List<Object> values = new ArrayList<>(List.of(id));
    if (name != null) {
      fields.add(new EventSchema.Field("name", "Nullable(String)", true));
      values.add(name);
    }
    if (note != null) {
      fields.add(new EventSchema.Field("note", "Nullable(String)", true));
      values.add(note);
    }
    return new ChangeEvent.Row(
        op, version, System.currentTimeMillis(), new EventSchema(fields), values.toArray());
  }
}
