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

    // checked independently of the demo's own comparison: versions and delete markers are there
    Properties p = new Properties();
    p.setProperty("user", stack.clickhouseUser());
    p.setProperty("password", stack.clickhousePassword());
    try (Connection ch =
            DriverManager.getConnection(
                "jdbc:clickhouse:" + stack.clickhouseUrl() + "/default", p);
        Statement s = ch.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(), countIf(_deleted = 1), uniqExact(_version) FROM demo.orders")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).as("3 snapshot rows + insert + update + delete").isEqualTo(6);
      assertThat(rs.getLong(2)).as("delete markers").isEqualTo(1);
      assertThat(rs.getLong(3)).as("each change has its own LSN version").isEqualTo(4);
    }
  }
}
