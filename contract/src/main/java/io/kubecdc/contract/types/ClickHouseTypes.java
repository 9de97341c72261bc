package io.kubecdc.contract.types;

/** Spelling rules of ClickHouse types that both mappings apply the same way. */
public final class ClickHouseTypes {
  private ClickHouseTypes() {}

  /**
   * The type that also holds NULL: {@code Nullable(T)}; {@code LowCardinality(Nullable(T))}; and,
   * as ClickHouse refuses {@code Nullable(Tuple(...))} by default, a tuple of Nullable elements
   * (NULL is all elements NULL, which no real point or circle has). Arrays cannot be Nullable: the
   * caller writes a NULL array as an empty one.
   */
  public static String nullable(String type) {
    if (type.startsWith("LowCardinality(")) {
      return "LowCardinality(Nullable(" + type.substring(15, type.length() - 1) + "))";
    }
    if (type.startsWith("Tuple(")) {
      return type.replace(" Float64", " Nullable(Float64)");
    }
    return "Nullable(" + type + ")";
  }
}
