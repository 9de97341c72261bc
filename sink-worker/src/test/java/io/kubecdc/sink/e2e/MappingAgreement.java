package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.types.SourceCatalogCheck;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventDecoder;
import io.kubecdc.sink.decode.EventSchema;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proof that there is one type mapping: the catalog side (what the operator creates from {@code
 * pg_attribute}) and the event side (what the worker derives from a real Debezium event, and adds
 * on schema evolution) give the same ClickHouse type for every column.
 */
final class MappingAgreement {
  private MappingAgreement() {}

  /** The catalog check of one table of the fixture's schema, read from the real catalog. */
  static SourceCatalogCheck.TableReport catalog(CdcFixture f, String table) throws Exception {
    try (Connection pg = f.pgConnection()) {
      return SourceCatalogCheck.check(pg, List.of(f.id + "." + table)).get(0);
    }
  }

  /**
   * Asserts that every column of the real event maps to the catalog's type, and that every column
   * the catalog keeps is in the event.
   */
  static void assertAgree(SourceCatalogCheck.TableReport catalog, byte[] realEvent)
      throws Exception {
    ChangeEvent.Row row = (ChangeEvent.Row) new EventDecoder().decode(realEvent);
    Map<String, String> fromEvent = new LinkedHashMap<>();
    for (EventSchema.Field f : row.schema().fields()) {
      if (!f.skipped()) {
        boolean key = catalog.keyColumns().contains(f.name());
        fromEvent.put(f.name(), key ? unwrap(f.clickhouseType()) : f.clickhouseType());
      }
    }
    assertThat(fromEvent).containsExactlyEntriesOf(catalog.clickhouseColumns());
  }

  /** A key column is never Nullable in ClickHouse (the ORDER BY), on both sides. */
  private static String unwrap(String type) {
    return type.startsWith("Nullable(") ? type.substring(9, type.length() - 1) : type;
  }
}
