package io.kubecdc.chfront.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import io.kubecdc.chfront.ClickHouseFront;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs the front as its own process, like the local stack does, and restarts it. */
@Tag("integration")
class RestartIT {

  @Test
  void shouldKeepDataAcrossAStopWithSigtermAndARestartOnTheSamePath() throws Exception {
    Path data = Files.createTempDirectory("chfront-restart-");
    Path passwordFile = Files.createTempFile("chfront-pw", ".txt");
    Files.writeString(passwordFile, "s3cret\n");

    int port = freePort();
    Process first = launch(data, port, passwordFile);
    try (Client client = client(port)) {
      assertThat(ping(port)).isEqualTo("Ok.\n");
      assertThat(wrongPasswordStatus(port)).isEqualTo("401 516");
      client.execute("CREATE DATABASE keep").join().close();
      client
          .execute("CREATE TABLE keep.t (id UInt64, s String) ENGINE = MergeTree ORDER BY id")
          .join()
          .close();
      client.execute("INSERT INTO keep.t VALUES (1, 'one'), (2, 'two')").join().close();
      System.out.println("front process RSS after inserts: " + Rss.of(first.pid()));
    } finally {
      stop(first);
    }
    assertThat(first.exitValue()).isIn(0, 143);

    port = freePort();
    Process second = launch(data, port, passwordFile);
    try (Client client = client(port)) {
      assertThat(
              client.queryAll("SELECT count() AS n, sum(id) AS s FROM keep.t").get(0).getLong("s"))
          .isEqualTo(3);
    } finally {
      stop(second);
    }
  }

  private static Client client(int port) {
    return new Client.Builder()
        .addEndpoint("http://127.0.0.1:" + port)
        .setUsername("default")
        .setPassword("s3cret")
        .build();
  }

  private static Process launch(Path data, int port, Path passwordFile) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ClickHouseFront.class.getName(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--path",
                    data.toString(),
                    "--lib",
                    SharedFront.chdbLibrary().toString(),
                    "--password-file",
                    passwordFile.toString()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).isEqualTo("clickhouse-front ready on http://127.0.0.1:" + port);
    return p;
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy(); // SIGTERM: the shutdown hook closes the engine
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("front did not stop on SIGTERM");
    }
  }

  private static String ping(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String wrongPasswordStatus(int port) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/?query=SELECT+1"))
                    .header("X-ClickHouse-User", "default")
                    .header("X-ClickHouse-Key", "wrong")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode()
        + " "
        + response.headers().firstValue("X-ClickHouse-Exception-Code").orElse("-");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
