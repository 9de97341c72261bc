package io.kubecdc.sink.decode;

import static io.kubecdc.sink.decode.Fixtures.event;
import static io.kubecdc.sink.decode.Fixtures.row;
import static io.kubecdc.sink.decode.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubecdc.contract.EventShape;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Operations, versions, TOAST placeholders and errors, on real Debezium events. */
class EventDecoderTest {
  private final EventDecoder decoder = new EventDecoder();

  @Test
  void shouldDecodeSnapshotReadWithAnEvenVersionFromTheLsn() {
    ChangeEvent.Row r = row("snapshot-full.json");
    assertThat(r.op()).isEqualTo(ChangeEvent.Op.READ);
    assertThat(r.version()).isEqualTo(22214360L * 2);
    assertThat(r.sourceTsMillis()).isEqualTo(1795258559815L);
  }

  @Test
  void shouldRankAStreamedChangeAboveASnapshotReadAtTheSameLsn() throws Exception {
    byte[] snapshot = event("snapshot-full.json");
    String streamed =
        new String(snapshot, StandardCharsets.UTF_8)
            .replace("\"snapshot\":\"first\"", "\"snapshot\":\"false\"")
            .replace("\"op\":\"r\"", "\"op\":\"u\"");
    ChangeEvent.Row read = (ChangeEvent.Row) decoder.decode(snapshot);
    ChangeEvent.Row update =
        (ChangeEvent.Row) decoder.decode(streamed.getBytes(StandardCharsets.UTF_8));
    assertThat(update.op()).isEqualTo(ChangeEvent.Op.UPDATE);
    assertThat(update.version()).isGreaterThan(read.version());
  }

  @Test
  void shouldVersionAnIncrementalSnapshotReadByTheStreamPositionItWasEmittedAt() {
    ChangeEvent.Row r = row("incremental-snapshot.json");
    assertThat(r.op()).isEqualTo(ChangeEvent.Op.READ);
    // no source.lsn; source.sequence is ["23306936","23306936"]
    assertThat(r.version()).isEqualTo(23306936L * 2);
    assertThat(value(r, "id")).isEqualTo(1);
  }

  @Test
  void shouldDecodeInsertWithAnOddVersion() {
    ChangeEvent.Row c = row("insert-special.json");
    assertThat(c.op()).isEqualTo(ChangeEvent.Op.CREATE);
    assertThat(c.version()).isEqualTo(22214400L * 2 + 1);
  }

  @Test
  void shouldMarkUnchangedToastedTextAndBytesUnavailable() {
    ChangeEvent.Row u = row("update-toast.json");
    assertThat(u.op()).isEqualTo(ChangeEvent.Op.UPDATE);
    assertThat(value(u, "name")).isEqualTo("renamed");
    assertThat(value(u, "big_text")).isSameAs(Unavailable.VALUE);
    assertThat(value(u, "big_bin")).isSameAs(Unavailable.VALUE);
    assertThat(value(u, "bin")).isInstanceOf(byte[].class);
  }

  @Test
  void shouldTakeDebeziumsDefaultForDataWhenThePipelineHasItsOwnPlaceholder() throws Exception {
    String own = "__kubecdc_unchanged_0123456789abcdef0123456789abcdef";
    String json = new String(event("update-toast.json"), StandardCharsets.UTF_8);
    String base64 =
        java.util.Base64.getEncoder()
            .encodeToString(EventShape.UNAVAILABLE_VALUE.getBytes(StandardCharsets.UTF_8));
    assertThat(json).contains(EventShape.UNAVAILABLE_VALUE, base64);
    EventDecoder pipeline = new EventDecoder(new Placeholder(own));

    ChangeEvent.Row asData = (ChangeEvent.Row) pipeline.decode(event("update-toast.json"));
    assertThat(value(asData, "big_text")).isEqualTo(EventShape.UNAVAILABLE_VALUE);
    assertThat(value(asData, "big_bin"))
        .isEqualTo(EventShape.UNAVAILABLE_VALUE.getBytes(StandardCharsets.UTF_8));

    String withOwn =
        json.replace(EventShape.UNAVAILABLE_VALUE, own)
            .replace(
                base64,
                java.util.Base64.getEncoder().encodeToString(own.getBytes(StandardCharsets.UTF_8)));
    ChangeEvent.Row unchanged =
        (ChangeEvent.Row) pipeline.decode(withOwn.getBytes(StandardCharsets.UTF_8));
    assertThat(value(unchanged, "big_text")).isSameAs(Unavailable.VALUE);
    assertThat(value(unchanged, "big_bin")).isSameAs(Unavailable.VALUE);
  }

  @Test
  void shouldDecodeDeleteFromTheBeforeImageHoldingTheKey() {
    ChangeEvent.Row d = row("delete-key-only.json");
    assertThat(d.op()).isEqualTo(ChangeEvent.Op.DELETE);
    assertThat(value(d, "id")).isEqualTo(2L);
    assertThat(d.version()).isEqualTo(22215288L * 2 + 1);
  }

  @Test
  void shouldDecodeAKeyOnlyDeleteWhoseNotNullColumnsHoldNonValues() {
    // Debezium writes "" for a NOT NULL uuid outside the key under the default replica identity
    ChangeEvent.Row d = row("delete-not-null-defaults.json");
    assertThat(d.op()).isEqualTo(ChangeEvent.Op.DELETE);
    assertThat(value(d, "id")).isEqualTo(1L);
    assertThat(value(d, "u")).isNull();
    assertThat(d.schema().fields().get(1).clickhouseType()).isEqualTo("UUID");
  }

  @Test
  void shouldDecodeTruncateAndTombstone() throws Exception {
    assertThat(decoder.decode(event("truncate.json")))
        .isEqualTo(new ChangeEvent.Truncate(22218376L * 2 + 1, 1795258560901L));
    assertThat(decoder.decode(null)).isInstanceOf(ChangeEvent.Tombstone.class);
  }

  @Test
  void shouldShareOneSchemaAcrossEventsOfTheSameTable() throws Exception {
    ChangeEvent.Row a = (ChangeEvent.Row) decoder.decode(event("snapshot-full.json"));
    decoder.decode(event("truncate.json"));
    ChangeEvent.Row b = (ChangeEvent.Row) decoder.decode(event("insert-special.json"));
    assertThat(b.schema()).isSameAs(a.schema());
  }

  @Test
  void shouldDecodeTheSameEventWithReorderedKeysAndWhitespace() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var tree =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            mapper.readTree(event("snapshot-full.json"));
    var reordered = mapper.createObjectNode();
    reordered.set("payload", tree.get("payload"));
    reordered.set("schema", tree.get("schema"));
    byte[] pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(reordered);
    ChangeEvent.Row slow = (ChangeEvent.Row) decoder.decode(pretty);
    ChangeEvent.Row fast = row("snapshot-full.json");
    assertThat(slow.version()).isEqualTo(fast.version());
    assertThat(slow.values()).usingRecursiveComparison().isEqualTo(fast.values());
  }

  @Test
  void shouldRejectWhatIsNotADebeziumChangeEvent() {
    assertThatThrownBy(() -> decoder.decode("nope".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("malformed");
    assertThatThrownBy(() -> decoder.decode("{\"id\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("no payload");
    String truncated = new String(event("insert-special.json"), StandardCharsets.UTF_8);
    byte[] cut = truncated.substring(0, truncated.length() - 40).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> decoder.decode(cut)).isInstanceOf(DecodeException.class);
    byte[] message =
        truncated.replace("\"op\":\"c\"", "\"op\":\"m\"").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> decoder.decode(message)).hasMessageContaining("unsupported op 'm'");
  }

  @Test
  void shouldLeaveOutAColumnOfAnUnknownTypeAndKeepTheRow() throws Exception {
    String unknown =
        new String(event("insert-special.json"), StandardCharsets.UTF_8)
            .replace("\"name\":\"io.debezium.data.Json\"", "\"name\":\"io.debezium.data.Unknown\"");
    ChangeEvent.Row row =
        (ChangeEvent.Row) decoder.decode(unknown.getBytes(StandardCharsets.UTF_8));
    EventSchema.Field doc = row.schema().fields().get(row.schema().indexOf("doc"));
    assertThat(doc.skipped()).isTrue();
    assertThat(row.values()[row.schema().indexOf("doc")]).isNull();
    assertThat(row.values()[row.schema().indexOf("id")]).isEqualTo(3L);
  }
}
