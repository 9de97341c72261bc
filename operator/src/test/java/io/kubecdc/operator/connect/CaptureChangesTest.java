package io.kubecdc.operator.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.TableName;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaptureChangesTest {
  private static Map<String, String> capturing(TableName... tables) {
    StringBuilder list = new StringBuilder();
    for (TableName t : tables) {
      list.append(list.isEmpty() ? "" : ",").append(ConnectorConfig.tableRegex(t));
    }
    return Map.of("table.include.list", list.toString(), "connector.class", "x");
  }

  private final TableName customers = new TableName("public", "customers");
  private final TableName orders = new TableName("public", "orders");
  private final TableName items = new TableName("Sales", "Order Items");

  @Test
  void shouldFindTablesAddedToAndRemovedFromWhatTheConnectorCaptures() {
    CaptureChanges c =
        CaptureChanges.between(
            Optional.of(capturing(customers, orders)), capturing(customers, items));
    assertThat(c.added()).containsExactly(items);
    assertThat(c.removed()).containsExactly(orders);
  }

  @Test
  void shouldSeeNoChangeForANewConnectorWhoseInitialSnapshotTakesEveryTable() {
    assertThat(CaptureChanges.between(Optional.empty(), capturing(customers, orders)))
        .isEqualTo(CaptureChanges.NONE);
  }

  @Test
  void shouldSeeNoChangeWhenOnlyOtherSettingsOrTheOrderDiffer() {
    CaptureChanges c =
        CaptureChanges.between(
            Optional.of(capturing(orders, customers)), capturing(customers, orders));
    assertThat(c.added()).isEmpty();
    assertThat(c.removed()).isEmpty();
  }
}
