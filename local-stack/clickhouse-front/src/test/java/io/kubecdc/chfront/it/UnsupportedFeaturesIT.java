package io.kubecdc.chfront.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QuerySettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the front does not do is refused with the code and HTTP status of the real server. */
@Tag("integration")
class UnsupportedFeaturesIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldRefuseMultiStatementsLikeTheServerAndRunNeitherStatement() throws Exception {
    post("", "CREATE DATABASE IF NOT EXISTS unsupported_it");
    HttpResponse<String> r =
        post("", "CREATE TABLE unsupported_it.t (v UInt8) ENGINE = Memory; SELECT 1");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("62");
    assertThat(r.body())
        .startsWith("Code: 62. DB::Exception: Syntax error (Multi-statements are not allowed)");
    assertThat(post("", "EXISTS TABLE unsupported_it.t").body()).isEqualTo("0\n");
    // one statement with a trailing semicolon is fine, as on the server
    assertThat(post("", "SELECT 'a;b';").body()).isEqualTo("a;b\n");
  }

  @Test
  void shouldRefuseSessionsWithNotImplemented() throws Exception {
    HttpResponse<String> r = post("session_id=s1&session_timeout=60", "SELECT 1");
    assertThat(r.statusCode()).isEqualTo(501);
    assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("48");
    assertThat(r.body()).startsWith("Code: 48. DB::Exception: Sessions are not supported");
  }

  @Test
  void shouldReportTheCodesToTheCurrentDriver() {
    try (Client client = SharedFront.clientBuilder().build()) {
      assertThat(ClientV2IT.serverError(() -> client.queryAll("SELECT 1; SELECT 2")).getCode())
          .isEqualTo(62);
      assertThat(
              ClientV2IT.serverError(
                      () -> client.queryAll("SELECT 1", new QuerySettings().setSessionId("s1")))
                  .getCode())
          .isEqualTo(48);
      assertThat(client.queryAll("SELECT 3 AS x").get(0).getLong("x")).isEqualTo(3);
    }
  }

  private HttpResponse<String> post(String params, String sql) throws Exception {
    String query = params.isEmpty() ? "" : "?" + params;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(SharedFront.url() + "/" + query))
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
