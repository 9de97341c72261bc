package io.kubecdc.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/conditions.md explains every reason a condition or an Event can carry: a reason added in the
 * code without a line there fails the build. Reasons are the UpperCamelCase string literals of the
 * operator's code; the few such literals that are no reason are listed here.
 */
class ConditionsDocTest {
  private static final Pattern LITERAL = Pattern.compile("\"([A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)\"");
  private static final Set<String> NOT_REASONS =
      Set.of(
          "RuntimeDefault", // seccomp profile type
          "IfNotPresent", // image pull policy
          "ApplicationName", // JDBC property
          "ReplacingMergeTree"); // ClickHouse table engine

  @Test
  void shouldExplainEveryReasonTheOperatorSets() throws IOException {
    Set<String> reasons = new TreeSet<>();
    Path sources = Chart.ROOT.resolve("operator/src/main/java");
    try (var files = Files.walk(sources)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String inSources = "/" + sources.relativize(f);
        if (inSources.contains("/standalone/")
            || inSources.contains("/cli/")
            || inSources.contains("/dev/")
            || inSources.contains("/report/")) {
          // command-line text (the CLI's reports read conditions, they set none), and the dev
          // kubelet's pod conditions: no reasons the operator sets
          continue;
        }
        Matcher m = LITERAL.matcher(Files.readString(f));
        while (m.find()) {
          reasons.add(m.group(1));
        }
      }
    }
    reasons.removeAll(NOT_REASONS);
    String doc = Files.readString(Chart.ROOT.resolve("docs/conditions.md"));

    assertThat(reasons).contains("WalLevelNotLogical", "ConnectUnreachable", "WorkersReady");
    assertThat(reasons)
        .as("reasons without a line in docs/conditions.md")
        .allSatisfy(r -> assertThat(doc).contains("`" + r + "`"));
  }
}
