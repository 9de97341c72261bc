package io.kubecdc.operator.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What the reading commands need of the command line: where to print, how to refuse. */
final class Terminal {
  private final CommandSpec spec;

  Terminal(CommandSpec spec) {
    this.spec = spec;
  }

  PrintStream out() {
    return ((KubecdcCommand) spec.root().userObject()).out;
  }

  /** A usage error of the command: exit code 2, with the message and the usage. */
  CommandLine.ParameterException refuse(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
