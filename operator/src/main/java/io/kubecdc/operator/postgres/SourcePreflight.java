package io.kubecdc.operator.postgres;

import static io.kubecdc.operator.status.PartState.failed;

import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The source part of a reconcile: connect with the environment's credentials, read the facts, judge
 * them. Known failures (wrong password, unknown database, unreachable host) become a failed part
 * with a message; anything else propagates so that the driver retries.
 */
public final class SourcePreflight {
  /**
   * The outcome: the part's state, when the slot exists what status shows of it, and the tables
   * that no longer exist at the source (dropped while the pipeline ran).
   */
  public record Result(PartState state, Optional<SlotFacts> slot, Set<TableName> missing) {
    public Result(PartState state, Optional<SlotFacts> slot) {
      this(state, slot, Set.of());
    }
  }

  private final PostgresConnections connections;
  private final PreflightRules rules;

  public SourcePreflight(PostgresConnections connections, PreflightRules rules) {
    this.connections = connections;
    this.rules = rules;
  }

  public Result check(SourceEndpoint endpoint, PipelineNames names, List<TableName> tables) {
    try (Connection c = connections.open(endpoint)) {
      SourceFacts facts = SourceFactsReader.read(c, names, tables);
      PartState state = rules.evaluate(facts, names);
      Set<TableName> missing =
          facts.tables().stream()
              .filter(t -> !t.exists())
              .map(TableFacts::name)
              .collect(Collectors.toSet());
      return new Result(state, facts.slot(), missing);
    } catch (SQLException e) {
      return new Result(known(e, endpoint), Optional.empty());
    }
  }

  private static PartState known(SQLException e, SourceEndpoint endpoint) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("28P01") || state.equals("28000")) {
      return failed(
          Part.SOURCE,
          "AuthenticationFailed",
          "PostgreSQL refused %s: %s. Check the user and password in the source's"
                  .formatted(endpoint.describe(), firstLine(e))
              + " credentialsSecret.");
    }
    if (state.equals("3D000")) {
      return failed(
          Part.SOURCE,
          "DatabaseNotFound",
          "database %s does not exist on %s:%d"
              .formatted(endpoint.database(), endpoint.host(), endpoint.port()));
    }
    if (state.startsWith("08")) {
      return failed(
          Part.SOURCE,
          "SourceUnreachable",
          "cannot reach PostgreSQL at %s:%d: %s"
              .formatted(endpoint.host(), endpoint.port(), firstLine(e)));
    }
    throw new IllegalStateException("source check failed on " + endpoint.describe(), e);
  }

  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
