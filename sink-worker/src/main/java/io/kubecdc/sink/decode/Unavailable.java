package io.kubecdc.sink.decode;

/** Marks a column value the event does not carry: an unchanged TOASTed value in PostgreSQL. */
public enum Unavailable {
  VALUE
}
