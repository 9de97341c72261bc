package io.kubecdc.operator.cli;

import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.operator.report.PipelineDiff;
import io.kubecdc.operator.standalone.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubecdc diff}: what a promotion would change, as diff(1) tells it. Each side is a pipeline
 * in a namespace of a context, or a manifest file (a GitOps checkout); both are reduced to the same
 * document ({@link PipelineDiff}) so that only real differences show.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what differs between two environments' pipelines: revision and spec, as a unified"
          + " diff of their YAML (keys sorted, defaults filled in, status left out).",
      "Each side is a namespace (--from/--to) of a context (--context, or --from-context/"
          + "--to-context, whose namespace is taken when --from/--to is left out) or a manifest"
          + " (--from-file/--to-file).",
      "Exit codes: 0 equal, 1 different (like diff), 2 bad arguments, unknown pipeline or"
          + " unreachable cluster."
    })
final class DiffCommand implements Callable<Integer> {
  public static final int DIFFERENT = 1;

  @Mixin ClusterOptions cluster;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The CdcPipeline's name.")
  String pipeline;

  @ArgGroup From from = new From();

  @ArgGroup To to = new To();

  @Option(
      names = "--from-context",
      paramLabel = "NAME",
      description = "Context of --from (default: --context).")
  String fromContext;

  @Option(
      names = "--to-context",
      paramLabel = "NAME",
      description = "Context of --to (default: --context).")
  String toContext;

  static final class From {
    @Option(names = "--from", paramLabel = "NS", description = "Namespace of the first side.")
    String namespace;

    @Option(names = "--from-file", paramLabel = "FILE", description = "Manifest of the first side.")
    Path file;
  }

  static final class To {
    @Option(names = "--to", paramLabel = "NS", description = "Namespace of the second side.")
    String namespace;

    @Option(names = "--to-file", paramLabel = "FILE", description = "Manifest of the second side.")
    Path file;
  }

  private record Side(String label, CdcPipeline pipeline) {}

  @Override
  public Integer call() {
    Side a = side("--from", from.namespace, from.file, fromContext);
    Side b = side("--to", to.namespace, to.file, toContext);
    String diff =
        PipelineDiff.unified(
            a.label(),
            PipelineDiff.document(a.pipeline().getSpec()),
            b.label(),
            PipelineDiff.document(b.pipeline().getSpec()));
    if (diff.isEmpty()) {
      terminal().out().println("no difference between " + a.label() + " and " + b.label());
      return 0;
    }
    terminal().out().print(diff);
    return DIFFERENT;
  }

  private Side side(String option, String ns, Path file, String context) {
    if (file == null && ns == null && context == null) {
      throw terminal()
          .refuse(
              "name the "
                  + (option.equals("--from") ? "first" : "second")
                  + " side: "
                  + option
                  + " NS, "
                  + option
                  + "-file FILE or "
                  + option
                  + "-context NAME (its namespace)");
    }
    if (file != null) {
      if (context != null) {
        throw terminal().refuse("a context applies to a namespace, not to the file " + file);
      }
      return fromFile(file);
    }
    try (ClusterOptions.Cluster c = cluster.connect(context)) {
      String namespace = c.namespace(ns);
      CdcPipeline p = c.pipeline(namespace, pipeline);
      String label = (context == null ? "" : context + ":") + namespace + "/" + pipeline;
      return new Side(label, p);
    }
  }

  private Side fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw terminal().refuse(file + ": no such file");
    }
    List<CdcPipeline> found =
        ManifestLoader.load(List.of(file)).pipelines().stream()
            .filter(p -> pipeline.equals(p.getMetadata().getName()))
            .toList();
    if (found.isEmpty()) {
      throw new CliFailure(file + " has no CdcPipeline named " + pipeline);
    }
    return new Side(file.toString(), found.get(0));
  }

  private Terminal terminal() {
    return new Terminal(spec);
  }
}
