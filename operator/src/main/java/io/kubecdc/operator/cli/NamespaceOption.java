package io.kubecdc.operator.cli;

import picocli.CommandLine.Option;

/** {@code -n NS}, as kubectl has it; without it the context's namespace applies. */
final class NamespaceOption {
  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "The namespace (default: the context's, else default).")
  String namespace;
}
