package io.kubecdc.sink.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams the {@code payload} of a Debezium envelope: the row image, the operation and the source
 * position. The {@code before} image comes first but only a delete needs it, and an update whose
 * table has REPLICA IDENTITY FULL (the only updates that carry one: a key change of a table without
 * a primary key shows only there), so it is skipped and re-read from its byte offset when the
 * operation turns out to need it. Not thread-safe.
 */
final class PayloadReader {
  private static final ChangeEvent.Tombstone TOMBSTONE = new ChangeEvent.Tombstone();
  private static final Pattern LAST_POSITION = Pattern.compile("\"(\\d+)\"\\s*]\\s*$");
  private final JsonFactory factory;
  private final Placeholder placeholder;

  private long lsn;
  private boolean hasLsn;
  private boolean snapshot;
  private long sourceTsMillis;

  PayloadReader(JsonFactory factory, Placeholder placeholder) {
    this.factory = factory;
    this.placeholder = placeholder;
  }

  ChangeEvent read(byte[] b, int off, int len, EventSchema schema)
      throws IOException, DecodeException {
    Object[] after = null;
    long before = -1;
    String op = null;
    hasLsn = false;
    snapshot = false;
    sourceTsMillis = 0;
    try (JsonParser p = factory.createParser(b, off, len)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        return TOMBSTONE;
      }
      expect(t, JsonToken.START_OBJECT, "payload");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "before":
            if (v != JsonToken.VALUE_NULL) {
              before = p.currentTokenLocation().getByteOffset();
              p.skipChildren();
            }
            break;
          case "after":
            after = v == JsonToken.VALUE_NULL ? null : readRow(p, schema);
            break;
          case "source":
            readSource(p, v);
            break;
          case "op":
            expect(v, JsonToken.VALUE_STRING, "op");
            op = p.getText();
            break;
          default:
            p.skipChildren();
        }
      }
    }
    if (op == null) {
      throw new DecodeException("payload has no op");
    }
    if (!hasLsn) {
      throw new DecodeException("payload has no source.lsn");
    }
    ChangeEvent.Op kind;
    switch (op) {
      case "c" -> kind = ChangeEvent.Op.CREATE;
      case "u" -> kind = ChangeEvent.Op.UPDATE;
      case "r" -> {
        kind = ChangeEvent.Op.READ;
        snapshot = true;
      }
      case "d" -> {
        if (before < 0) {
          throw new DecodeException("delete without a before image");
        }
        return new ChangeEvent.Row(
            ChangeEvent.Op.DELETE,
            version(),
            sourceTsMillis,
            schema,
            image(b, off, before, len, schema));
      }
      case "t" -> {
        return new ChangeEvent.Truncate(version(), sourceTsMillis);
      }
      default -> throw new DecodeException("unsupported op '" + op + "'");
    }
    if (after == null) {
      throw new DecodeException("op " + op + " without an after image");
    }
    Object[] old =
        kind == ChangeEvent.Op.UPDATE && before >= 0 ? image(b, off, before, len, schema) : null;
    return new ChangeEvent.Row(kind, version(), sourceTsMillis, schema, after, old);
  }

  /**
   * The LSN doubled, plus one for a streamed change: the snapshot reads rows at the LSN where the
   * stream starts, and the first streamed change may carry that same LSN; it must win.
   */
  private long version() {
    return (lsn << 1) | (snapshot ? 0 : 1);
  }

  private Object[] image(byte[] b, int off, long at, int len, EventSchema schema)
      throws IOException, DecodeException {
    int start = off + (int) at;
    try (JsonParser p = factory.createParser(b, start, off + len - start)) {
      p.nextToken();
      return readRow(p, schema, true);
    }
  }

  private Object[] readRow(JsonParser p, EventSchema schema) throws IOException, DecodeException {
    return readRow(p, schema, false);
  }

  /**
   * Reads a row image. A delete's before image holds only the key unless the table has REPLICA
   * IDENTITY FULL, and Debezium fills the other NOT NULL columns with placeholders that are not
   * always values of their type (an empty string for a uuid): read {@code lenient}ly, a value that
   * does not decode becomes null.
   */
  private Object[] readRow(JsonParser p, EventSchema schema, boolean lenient)
      throws IOException, DecodeException {
    expect(p.currentToken(), JsonToken.START_OBJECT, "row image");
    if (!schema.decodable()) {
      throw new IllegalStateException("schema without readers");
    }
    int n = schema.fields().size();
    Object[] values = new Object[n];
    int next = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      // fields come in schema order, and Jackson interns their names
      int at = next < n && name == schema.name(next) ? next : schema.indexOf(name);
      if (at < 0) {
        throw new DecodeException("row field " + name + " is not in the event's schema");
      }
      p.nextToken();
      values[at] =
          lenient ? readLeniently(p, schema.reader(at)) : schema.reader(at).read(p, placeholder);
      next = at + 1;
    }
    return values;
  }

  private Object readLeniently(JsonParser p, ColumnReader reader) throws IOException {
    try {
      return reader.read(p, placeholder);
    } catch (DecodeException | RuntimeException e) {
      p.skipChildren();
      return null;
    }
  }

  private void readSource(JsonParser p, JsonToken v) throws IOException, DecodeException {
    expect(v, JsonToken.START_OBJECT, "source");
    long tsUs = Long.MIN_VALUE;
    long tsMs = Long.MIN_VALUE;
    String sequence = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "lsn" -> {
          if (t == JsonToken.VALUE_NUMBER_INT) {
            lsn = p.getLongValue();
            hasLsn = true;
          }
        }
        case "snapshot" ->
            snapshot |=
                t == JsonToken.VALUE_TRUE
                    || (t == JsonToken.VALUE_STRING && !"false".equals(p.getText()));
        case "sequence" -> sequence = t == JsonToken.VALUE_STRING ? p.getText() : sequence;
        case "ts_ms" -> tsMs = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : tsMs;
        case "ts_us" -> tsUs = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : tsUs;
        default -> p.skipChildren();
      }
    }
    sourceTsMillis = tsMs != Long.MIN_VALUE ? tsMs : tsUs != Long.MIN_VALUE ? tsUs / 1000 : 0;
    // parsed only for the rows that need it: every event carries a sequence, few lack an lsn
    long sequenceLsn = hasLsn || sequence == null ? -1 : lastPosition(sequence);
    if (!hasLsn && sequenceLsn >= 0) {
      // a row read by an incremental snapshot has no lsn of its own; Debezium emits it once the
      // stream has passed every change that raced with the read, at the stream position that
      // source.sequence ends with: later changes of the row have a higher LSN and win
      lsn = sequenceLsn;
      hasLsn = true;
    }
  }

  /**
   * The last LSN of {@code source.sequence}, a JSON array as text: {@code ["lastCommit","lsn"]}.
   */
  private static long lastPosition(String sequence) {
    Matcher m = LAST_POSITION.matcher(sequence);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static void expect(JsonToken actual, JsonToken expected, String what)
      throws DecodeException {
    if (actual != expected) {
      throw new DecodeException(what + ": expected " + expected + ", got " + actual);
    }
  }
}
