package io.kubecdc.operator.cli;

import io.kubecdc.operator.standalone.ManifestException;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code kubecdc} command line: one top-level command with a subcommand per job ({@code run},
 * {@code delete} without a cluster; {@code status}, {@code diff}, {@code dbt-sources} that read a
 * cluster or a run's state; {@code promote} that checks a promotion gate and writes Git or the
 * cluster). Exit codes: 0 done, 1 not caught up in time, something left behind, (diff) the
 * pipelines differ, or (promote) refused by the gate, 2 bad arguments or manifests (nothing was
 * touched), an unknown pipeline or an unreachable cluster, 3 an unexpected error. Logs go to {@code
 * <state-dir>/kubecdc.log}, so that the terminal shows only the status.
 */
@Command(
    name = "kubecdc",
    mixinStandardHelpOptions = true,
    version = "kubecdc 0.1.0",
    description = "Runs KubeCDC pipelines (PostgreSQL -> Debezium -> Kafka -> ClickHouse).",
    subcommands = {
      RunCommand.class,
      DeleteCommand.class,
      StatusCommand.class,
      DiffCommand.class,
      DbtSourcesCommand.class,
      PromoteCommand.class,
      DevKubeletCommand.class
    })
public final class KubecdcCommand implements Runnable {
  public static final int BAD_INPUT = 2;
  public static final int UNEXPECTED = 3;

  @Spec CommandSpec spec;

  final PrintStream out;

  KubecdcCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: run, delete, status, diff or dbt-sources");
  }

  /** The commands that only read: they have no state folder to log into. */
  private static final java.util.Set<String> READERS =
      java.util.Set.of("status", "diff", "dbt-sources");

  public static void main(String[] args) {
    if (args.length > 0 && READERS.contains(args[0])) {
      logWarningsToStderr();
    } else {
      logToStateDir();
    }
    System.exit(execute(System.out, System.err, args));
  }

  /**
   * Sends the logs to {@code <state-dir>/kubecdc.log}; call before anything logs, as {@code main}
   * does (the log file is named once the options are parsed, before the first log line).
   */
  public static void logToStateDir() {
    System.setProperty(
        "log4j2.configurationFile",
        System.getProperty("log4j2.configurationFile", "kubecdc-log4j2.xml"));
  }

  /**
   * Sends warnings and errors to stderr, for the commands that read a cluster or a run's state and
   * write nothing: a log file in the current folder would be litter, and their stdout is the table,
   * diff or YAML that a script reads.
   */
  public static void logWarningsToStderr() {
    System.setProperty(
        "log4j2.configurationFile",
        System.getProperty("log4j2.configurationFile", "kubecdc-cli-log4j2.xml"));
  }

  /** Runs one command line; returns its exit code. */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new KubecdcCommand(out));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof ManifestException || e instanceof CliFailure) {
            err.println("kubecdc: " + e.getMessage());
            return BAD_INPUT;
          }
          err.println("kubecdc: unexpected error: " + e);
          return UNEXPECTED;
        });
    return cli.execute(args);
  }
}
