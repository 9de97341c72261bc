package io.kubecdc.sink.config;

/**
 * How many records of one table (one source topic) may go to the dead-letter topic within a sliding
 * window before the worker halts instead. Bad rows are rare; many of them in a short time mean a
 * cause the worker did not recognise as systematic, and dead-lettering on would empty the table
 * into the dead-letter topic. {@code maxPerTable: 0} halts at the first dead letter.
 */
public record DeadLetterLimit(Integer maxPerTable, Integer windowSeconds) {
  public static final int DEFAULT_MAX_PER_TABLE = 100;
  public static final int DEFAULT_WINDOW_SECONDS = 60;
  public static final DeadLetterLimit DEFAULTS = new DeadLetterLimit(null, null);

  public DeadLetterLimit {
    maxPerTable = maxPerTable == null ? DEFAULT_MAX_PER_TABLE : maxPerTable;
    windowSeconds = windowSeconds == null ? DEFAULT_WINDOW_SECONDS : windowSeconds;
  }
}
