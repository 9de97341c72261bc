package io.kubecdc.chfront.engine;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.kubecdc.chfront.protocol.ServerError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ClickHouse engine embedded through chDB. One anchor connection keeps the engine booted on the
 * data path; every statement runs in its own short-lived connection (about 0.3 ms to open) so that
 * its current database and settings never leak into the next one. Statements are serialized.
 */
public final class ChdbEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChdbEngine.class);
  private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  private final ChdbLibrary lib;
  private final String[] argv;
  private final ReentrantLock lock = new ReentrantLock(true);
  private Pointer anchor;
  private final String version;
  private final String timezone;

  private ChdbEngine(ChdbLibrary lib, Path dataPath) throws EngineException {
    this.lib = lib;
    this.argv = new String[] {"clickhouse", "--path=" + dataPath.toAbsolutePath()};
    lib.chdb_set_signal_handlers_enabled(0);
    this.anchor = lib.chdb_connect(argv.length, argv);
    if (anchor == null || anchor.getPointer(0) == null) {
      throw new EngineException(
          new ServerError(ServerError.UNKNOWN_EXCEPTION, "chDB failed to open " + dataPath));
    }
    String[] info = text(runOn(anchor.getPointer(0), "SELECT version(), timezone()")).split("\t");
    this.version = info[0].strip();
    this.timezone = info[1].strip();
  }

  /** Loads libchdb.so and boots the engine on {@code dataPath} (created if missing). */
  public static ChdbEngine open(Path library, Path dataPath) throws EngineException {
    ChdbLibrary lib = Native.load(library.toAbsolutePath().toString(), ChdbLibrary.class);
    LOG.info("chDB {} loaded from {}", lib.chdb_version().getString(0), library);
    return new ChdbEngine(lib, dataPath);
  }

  public String version() {
    return version;
  }

  public String timezone() {
    return timezone;
  }

  /** Runs one statement in a fresh session: settings, then database, then the statement. */
  public EngineResult execute(EngineQuery query) throws EngineException {
    lock.lock();
    try {
      if (anchor == null) {
        throw new EngineException(new ServerError(210, "The engine is closed"));
      }
      Pointer handle = lib.chdb_connect(argv.length, argv);
      if (handle == null || handle.getPointer(0) == null) {
        throw new EngineException(new ServerError(210, "chDB refused a new connection"));
      }
      try {
        Pointer conn = handle.getPointer(0);
        applySettings(conn, query.settings());
        if (query.database() != null && !query.database().isEmpty()) {
          runOn(conn, "USE " + quoteIdentifier(query.database()));
        }
        return run(conn, query.sql(), query.parameters(), query.defaultFormat());
      } finally {
        lib.chdb_close_conn(handle);
      }
    } finally {
      lock.unlock();
    }
  }

  private void applySettings(Pointer conn, Map<String, String> settings) throws EngineException {
    for (Map.Entry<String, String> e : settings.entrySet()) {
      if (!SETTING_NAME.matcher(e.getKey()).matches()) {
        throw new EngineException(
            new ServerError(ServerError.UNKNOWN_SETTING, "Invalid setting name " + e.getKey()));
      }
      try {
        runOn(conn, "SET " + e.getKey() + " = " + quoteString(e.getValue()));
      } catch (EngineException ex) {
        if (ex.error().code() != ServerError.UNKNOWN_SETTING) {
          throw ex;
        }
        LOG.debug("ignoring unknown setting {}", e.getKey());
      }
    }
  }

  private EngineResult runOn(Pointer conn, String sql) throws EngineException {
    return run(conn, sql.getBytes(StandardCharsets.UTF_8), Map.of(), "TabSeparated");
  }

  private EngineResult run(Pointer conn, byte[] sql, Map<String, String> params, String format)
      throws EngineException {
    byte[] fmt = format.getBytes(StandardCharsets.UTF_8);
    Pointer result;
    if (params.isEmpty()) {
      result = lib.chdb_query_n(conn, sql, sql.length, fmt, fmt.length);
    } else {
      NativeStrings names = new NativeStrings(params.keySet());
      NativeStrings values = new NativeStrings(params.values());
      result =
          lib.chdb_query_with_params_n(
              conn,
              sql,
              sql.length,
              fmt,
              fmt.length,
              names.pointers(),
              names.lengths(),
              values.pointers(),
              values.lengths(),
              params.size());
    }
    if (result == null) {
      throw new EngineException(new ServerError(ServerError.UNKNOWN_EXCEPTION, "No result"));
    }
    try {
      Pointer error = lib.chdb_result_error(result);
      if (error != null) {
        throw new EngineException(ServerError.parse(error.getString(0, "UTF-8")));
      }
      long length = lib.chdb_result_length(result);
      Pointer buffer = lib.chdb_result_buffer(result);
      byte[] data =
          length == 0 || buffer == null ? new byte[0] : buffer.getByteArray(0, (int) length);
      return new EngineResult(
          data,
          lib.chdb_result_rows_read(result),
          lib.chdb_result_bytes_read(result),
          lib.chdb_result_storage_rows_read(result),
          lib.chdb_result_storage_bytes_read(result),
          lib.chdb_result_rows_written(result),
          lib.chdb_result_bytes_written(result),
          (long) (lib.chdb_result_elapsed(result) * 1e9));
    } finally {
      lib.chdb_destroy_query_result(result);
    }
  }

  /** Checks that the engine answers (used by {@code /ping}). */
  public boolean isAlive() {
    try {
      execute(
          new EngineQuery(
              "SELECT 1".getBytes(StandardCharsets.UTF_8), null, Map.of(), Map.of(), "TSV"));
      return true;
    } catch (EngineException e) {
      return false;
    }
  }

  /** Closes the anchor connection; the engine stays loaded so the same path can be reopened. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (anchor != null) {
        lib.chdb_close_conn(anchor);
        anchor = null;
        LOG.info("chDB connection closed");
      }
    } finally {
      lock.unlock();
    }
  }

  private static String text(EngineResult result) {
    return new String(result.data(), StandardCharsets.UTF_8);
  }

  static String quoteString(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static String quoteIdentifier(String name) {
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }
}
