package io.kubecdc.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.stack.service.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's own life cycle, on a second stack with its own folder and free ports so that it never
 * disturbs the stack other tests share: idempotent up, data kept across down and up, crash
 * reporting, clean.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackLifecycleIT {
  // static: injected before @BeforeAll
  @TempDir static Path temp;

  private Map<String, String> options;
  private LocalStack stack;

  @BeforeAll
  void startStack() throws IOException {
    options = new HashMap<>();
    options.put("home", temp.resolve("stack").toString());
    for (String key :
        List.of(
            "pg-port", "kafka-port", "kafka-controller-port", "connect-port", "clickhouse-port")) {
      options.put(key, Integer.toString(StackTestSupport.freePort()));
    }
    stack = new LocalStack(StackConfig.load(options));
    assertThat(stack.up(List.of())).hasSize(4);
  }

  @AfterAll
  void cleanStack() {
    stack.clean();
    assertThat(temp.resolve("stack")).doesNotExist();
  }

  @Test
  @Order(1)
  void shouldBeANoOpToRunUpTwice() throws Exception {
    Map<String, String> pidsBefore = pids();
    long t0 = System.nanoTime();
    List<Service> started = new LocalStack(StackConfig.load(options)).up(List.of());
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(started).isEmpty();
    assertThat(pids()).isEqualTo(pidsBefore);
    assertThat(millis).as("a second up only checks").isLessThan(10_000);
    assertThat(cli("status")).contains("postgres    running", "clickhouse  running");
  }

  @Test
  @Order(2)
  void shouldKeepDataAcrossDownAndUp() throws Exception {
    StackEndpoints ep = stack.endpoints();
    postgres(ep, "CREATE TABLE kept (id int PRIMARY KEY)", "INSERT INTO kept VALUES (42)");
    try (Admin admin = admin(ep)) {
      admin.createTopics(List.of(new NewTopic("kept-topic", 3, (short) 1))).all().get();
    }
    clickhouse(ep, "CREATE TABLE kept (id UInt32) ENGINE = MergeTree ORDER BY id");
    clickhouse(ep, "INSERT INTO kept VALUES (7)");

    // all options again: KUBECDC_STACK_* env (as set in a shared worktree) would win over what the
    // folder recorded; that the record is used is StackConfigTest's to check
    new LocalStack(StackConfig.load(options)).down(List.of());
    for (Service s : stack.services()) {
      assertThat(s.state()).as(s.name()).isEqualTo(Service.State.STOPPED);
    }
    assertThat(StackTestSupport.portOpen(Integer.parseInt(options.get("pg-port")))).isFalse();
    assertThat(StackTestSupport.portOpen(Integer.parseInt(options.get("clickhouse-port"))))
        .isFalse();

    assertThat(new LocalStack(StackConfig.load(options)).up(List.of())).hasSize(4);
    assertThat(postgres(ep, "SELECT id FROM kept")).containsExactly("42");
    try (Admin admin = admin(ep)) {
      assertThat(admin.describeTopics(Set.of("kept-topic")).allTopicNames().get())
          .extractingByKey("kept-topic")
          .satisfies(d -> assertThat(d.partitions()).hasSize(3));
    }
    assertThat(clickhouse(ep, "SELECT id FROM kept").strip()).isEqualTo("7");
  }

  @Test
  @Order(3)
  void shouldReportACrashedServiceWithItsLogAndRestartIt() throws Exception {
    long pid =
        Long.parseLong(Files.readString(Path.of(options.get("home"), "run/kafka.pid")).strip());
    ProcessHandle kafka = ProcessHandle.of(pid).orElseThrow();
    kafka.destroyForcibly();
    kafka.onExit().get();

    String status = cli("status");
    assertThat(status).contains("kafka       crashed").contains("last ").contains("kafka.log");

    assertThat(stack.up(List.of())).extracting(Service::name).containsExactly("kafka");
    assertThat(cli("status")).contains("kafka       running");
  }

  @Test
  @Order(4)
  void shouldFailWithTheLogTailWhenAServiceCannotStart() throws Exception {
    Map<String, String> broken = new HashMap<>(options);
    broken.put("home", temp.resolve("broken").toString());
    broken.put("clickhouse-port", Integer.toString(StackTestSupport.freePort()));
    Path notALibrary = Files.writeString(temp.resolve("libchdb.so"), "not a library");
    broken.put("chdb-lib", notALibrary.toString());
    LocalStack brokenStack = new LocalStack(StackConfig.load(broken));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> brokenStack.up(List.of("clickhouse")))
          .isInstanceOf(StackException.class)
          .hasMessageContaining("clickhouse exited during start-up")
          .hasMessageContaining("clickhouse.log");
    } finally {
      brokenStack.clean();
    }
  }

  private Map<String, String> pids() throws IOException {
    return StackTestSupport.pids(options.get("home"));
  }

  private String cli(String command) {
    return StackTestSupport.cli(command, options);
  }

  private static List<String> postgres(StackEndpoints ep, String... statements) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                ep.postgresJdbcUrl(), ep.postgresUser(), ep.postgresPassword());
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        if (s.execute(sql)) {
          try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
              rows.add(rs.getString(1));
            }
          }
        }
      }
    }
    return rows;
  }

  /** Plain HTTP, as curl would do it: the drivers are tested against the front elsewhere. */
  private static String clickhouse(StackEndpoints ep, String sql) throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString(
                (ep.clickhouseUser() + ":" + ep.clickhousePassword())
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(ep.clickhouseUrl() + "/"))
                    .header("Authorization", "Basic " + auth)
                    .POST(HttpRequest.BodyPublishers.ofString(sql))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static Admin admin(StackEndpoints ep) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ep.kafkaBootstrap());
    return Admin.create(p);
  }
}
