package io.kubecdc.chfront.engine;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The part of chDB's C API (chdb.h, libchdb.so) the front uses, mapped through JNA. */
interface ChdbLibrary extends Library {
  Pointer chdb_version();

  void chdb_set_signal_handlers_enabled(int enabled);

  /** Returns a {@code chdb_connection*}: dereference it for the connection. */
  Pointer chdb_connect(int argc, String[] argv);

  /** Takes the {@code chdb_connection*} returned by {@link #chdb_connect}. */
  void chdb_close_conn(Pointer connectionHandle);

  Pointer chdb_query_n(Pointer conn, byte[] query, long queryLen, byte[] format, long formatLen);

  Pointer chdb_query_with_params_n(
      Pointer conn,
      byte[] query,
      long queryLen,
      byte[] format,
      long formatLen,
      Pointer[] names,
      Pointer nameLens,
      Pointer[] values,
      Pointer valueLens,
      long count);

  Pointer chdb_result_buffer(Pointer result);

  long chdb_result_length(Pointer result);

  double chdb_result_elapsed(Pointer result);

  long chdb_result_rows_read(Pointer result);

  long chdb_result_bytes_read(Pointer result);

  long chdb_result_storage_rows_read(Pointer result);

  long chdb_result_storage_bytes_read(Pointer result);

  long chdb_result_rows_written(Pointer result);

  long chdb_result_bytes_written(Pointer result);

  Pointer chdb_result_error(Pointer result);

  void chdb_destroy_query_result(Pointer result);
}
