package io.kubecdc.chfront.http;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a ClickHouse HTTP request asks for, from its URL parameters and {@code X-ClickHouse-*}
 * headers: statement, database, formats, compression flags, credentials, the session asked for
 * (which the front refuses), settings and {@code param_*} query parameters.
 */
record RequestContext(
    String query,
    String database,
    String defaultFormat,
    String queryId,
    String user,
    String password,
    boolean compressResponse,
    boolean decompressRequest,
    boolean httpCompression,
    String sessionId,
    Map<String, String> settings,
    Map<String, String> parameters) {

  /** URL parameters that belong to the HTTP interface itself, not to the settings. */
  private static final Set<String> HTTP_ONLY =
      Set.of(
          "query",
          "database",
          "default_format",
          "compress",
          "decompress",
          "user",
          "password",
          "quota_key",
          "query_id",
          "session_id",
          "session_timeout",
          "session_check",
          "close_session",
          "stacktrace",
          "role",
          "buffer_size",
          "wait_end_of_query",
          "client_protocol_version",
          "enable_http_compression",
          "http_response_buffer_size");

  static RequestContext from(String rawQuery, Headers headers) {
    Map<String, String> url = parseQueryString(rawQuery);
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> parameters = new LinkedHashMap<>();
    url.forEach(
        (k, v) -> {
          if (k.startsWith("param_")) {
            parameters.put(k.substring("param_".length()), v);
          } else if (!HTTP_ONLY.contains(k)) {
            settings.put(k, v);
          }
        });
    String user = first(headers.getFirst("X-ClickHouse-User"), url.get("user"));
    String password = first(headers.getFirst("X-ClickHouse-Key"), url.get("password"));
    String basic = headers.getFirst("Authorization");
    if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded =
          new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      user = colon < 0 ? decoded : decoded.substring(0, colon);
      password = colon < 0 ? "" : decoded.substring(colon + 1);
    }
    return new RequestContext(
        url.get("query"),
        first(headers.getFirst("X-ClickHouse-Database"), url.get("database")),
        first(headers.getFirst("X-ClickHouse-Format"), url.get("default_format"), "TabSeparated"),
        first(
            headers.getFirst("X-ClickHouse-Query-Id"),
            url.get("query_id"),
            UUID.randomUUID().toString()),
        first(user, "default"),
        first(password, ""),
        isTrue(url.get("compress")),
        isTrue(url.get("decompress")),
        isTrue(url.get("enable_http_compression")),
        first(url.get("session_id")),
        settings,
        parameters);
  }

  static Map<String, String> parseQueryString(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static boolean isTrue(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isEmpty()) {
        return c;
      }
    }
    return null;
  }
}
