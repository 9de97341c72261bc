package io.kubecdc.chfront.it;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * client-v2 of any version, driven through reflection because each version lives in its own class
 * loader. Only the calls that exist unchanged since 0.6.5 are used, with the default settings.
 */
final class ReflectiveClient implements AutoCloseable {
  private final Object client;

  private ReflectiveClient(Object client) {
    this.client = client;
  }

  static ReflectiveClient connect(OlderDrivers.Driver driver) throws Exception {
    Object builder =
        driver
            .loader()
            .loadClass("com.clickhouse.client.api.Client$Builder")
            .getConstructor()
            .newInstance();
    call(builder, "addEndpoint", SharedFront.url());
    call(builder, "setUsername", "default");
    call(builder, "setPassword", "");
    return new ReflectiveClient(call(builder, "build"));
  }

  /** {@code Client.execute(sql)}: waits for the command and closes its response. */
  void execute(String sql) throws Exception {
    CompletableFuture<?> future = (CompletableFuture<?>) call(client, "execute", sql);
    if (future.get(1, TimeUnit.MINUTES) instanceof AutoCloseable response) {
      response.close(); // since 0.7
    }
  }

  /** {@code Client.queryAll(sql)}: each row as the strings of the named columns, joined by |. */
  List<String> queryAll(String sql, String... columns) throws Exception {
    List<String> rows = new ArrayList<>();
    for (Object record : (List<?>) call(client, "queryAll", sql)) {
      StringBuilder row = new StringBuilder();
      for (String column : columns) {
        row.append(row.isEmpty() ? "" : "|").append(call(record, "getString", column));
      }
      rows.add(row.toString());
    }
    return rows;
  }

  @Override
  public void close() throws Exception {
    call(client, "close");
  }

  private static Object call(Object target, String method, String... args) throws Exception {
    Class<?>[] types = new Class<?>[args.length];
    java.util.Arrays.fill(types, String.class);
    try {
      return target.getClass().getMethod(method, types).invoke(target, (Object[]) args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
