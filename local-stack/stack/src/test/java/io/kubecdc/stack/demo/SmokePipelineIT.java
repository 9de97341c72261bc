package io.kubecdc.stack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The README's main job moves real rows end to end, through the stack's ClickHouse front. */
@LocalStackTest
class SmokePipelineIT {
  @Test
  void shouldMakeClickHouseEqualToPostgres(StackEndpoints stack) throws Exception {
    assertThat(SmokePipeline.run(stack)).isTrue();

    // checked apart from the demo's own comparison, whether or not ClickHouse has merged the
    // parts yet: the newest version of each key wins and a delete is a marker, not a loss
    Properties p = new Properties();
    p.setProperty("user", stack.clickhouseUser());
    p.setProperty("password", stack.clickhousePassword());
    try (Connection ch =
        DriverManager.getConnection("jdbc:clickhouse:" + stack.clickhouseUrl() + "/default", p)) {
      assertThat(scalar(ch, "SELECT argMax(_deleted, _version) FROM demo.orders WHERE id = 3"))
          .as("the delete of id 3 is its newest version")
          .isEqualTo(1);
      assertThat(scalar(ch, "SELECT max(_version) FROM demo.orders WHERE id = 1"))
          .as("the update of id 1 carries a later LSN than the snapshot of id 2")
          .isGreaterThan(scalar(ch, "SELECT max(_version) FROM demo.orders WHERE id = 2"));
      assertThat(scalar(ch, "SELECT count() FROM demo.orders FINAL WHERE _deleted = 0"))
          .isEqualTo(3);
    }
  }

  private static long scalar(Connection ch, String sql) throws Exception {
    try (Statement s = ch.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getLong(1);
    }
  }
}
