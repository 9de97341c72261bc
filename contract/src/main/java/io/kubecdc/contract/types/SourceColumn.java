package io.kubecdc.contract.types;

/**
 * One column of a source table as the PostgreSQL catalog describes it, domains already resolved to
 * their base type and arrays to their element type, so that the mapping never needs the catalog.
 *
 * @param name the column name
 * @param declaredType the type as {@code format_type(atttypid, atttypmod)} prints it, for messages
 * @param typeName {@code pg_type.typname} of the base element type ({@code int4}, {@code
 *     timestamptz}, {@code point}, an enum's own name)
 * @param typmod {@code atttypmod} ({@code -1} when none): numeric precision and scale, time
 *     precision, bit length
 * @param arrayDims 0 for a scalar, otherwise the declared array dimensions (at least 1)
 * @param kind what {@code pg_type.typtype} says the base element type is
 * @param nullable false for {@code NOT NULL} columns
 * @param generated a {@code GENERATED ALWAYS AS ... STORED} column
 */
public record SourceColumn(
    String name,
    String declaredType,
    String typeName,
    int typmod,
    int arrayDims,
    Kind kind,
    boolean nullable,
    boolean generated) {

  /** {@code pg_type.typtype} of the base element type. */
  public enum Kind {
    BASE,
    COMPOSITE,
    ENUM,
    RANGE,
    MULTIRANGE,
    PSEUDO;

    /** From the catalog's one-letter code; a domain must have been resolved before. */
    public static Kind ofTyptype(String typtype) {
      return switch (typtype) {
        case "b" -> BASE;
        case "c" -> COMPOSITE;
        case "e" -> ENUM;
        case "r" -> RANGE;
        case "m" -> MULTIRANGE;
        case "p" -> PSEUDO;
        default -> throw new IllegalArgumentException("unresolved pg_type.typtype " + typtype);
      };
    }
  }

  /** A nullable scalar base-type column, for tests and simple callers. */
  public static SourceColumn of(String name, String typeName, int typmod) {
    return new SourceColumn(name, typeName, typeName, typmod, 0, Kind.BASE, true, false);
  }

  public SourceColumn notNull() {
    return new SourceColumn(
        name, declaredType, typeName, typmod, arrayDims, kind, false, generated);
  }

  public SourceColumn array(int dims) {
    return new SourceColumn(name, declaredType, typeName, typmod, dims, kind, nullable, generated);
  }
}
