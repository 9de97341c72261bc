package io.kubecdc.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.operator.clickhouse.ClickHouseClients;
import io.kubecdc.operator.report.DbtColumns;
import io.kubecdc.operator.standalone.StateDir;
import io.kubecdc.operator.standalone.StatusFile;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code dbt-sources --state-dir}: a standalone run's pipeline (from its {@code status.yaml}) and
 * ClickHouse as its worker config names it (URL, user, the password file of mode 600), so that a
 * laptop without a cluster gets the same sources; the worker config's columns stand in when
 * ClickHouse does not answer.
 */
final class StateDirColumns {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private StateDirColumns() {}

  static DbtSourcesCommand.Columns read(Path stateDir, String namespace, String name) {
    List<CdcPipeline> found =
        StatusFile.read(stateDir).stream()
            .map(StatusFile.Snapshot::pipeline)
            .filter(p -> name.equals(p.getMetadata().getName()))
            .filter(p -> namespace == null || namespace.equals(p.getMetadata().getNamespace()))
            .toList();
    if (found.size() != 1) {
      throw new CliFailure(
          found.isEmpty()
              ? "no pipeline " + name + " in the state folder " + stateDir + " (has it run?)"
              : "pipeline " + name + " runs in several namespaces in " + stateDir + ": give -n");
    }
    CdcPipeline p = found.get(0);
    Path sinkFile =
        new StateDir(stateDir)
            .workerConfig(
                new PipelineNames(p.getMetadata().getNamespace(), p.getMetadata().getName()));
    if (!Files.isRegularFile(sinkFile)) {
      return new DbtSourcesCommand.Columns(
          p, DbtColumns.fromSpec(p.getSpec()), specOnly("there is no " + sinkFile));
    }
    String sink;
    JsonNode ch;
    try {
      sink = Files.readString(sinkFile);
      ch = YAML.readTree(sink).path("clickhouse");
    } catch (IOException e) {
      throw new CliFailure("cannot read the worker config " + sinkFile + ": " + e.getMessage());
    }
    String url = ch.path("url").asText();
    try (ClientV2Gateway gateway =
        ClickHouseClients.open(
            url,
            ch.path("user").asText(),
            Files.readString(Path.of(ch.path("passwordFile").asText())))) {
      return new DbtSourcesCommand.Columns(
          p,
          DbtColumns.fromClickHouse(gateway, p.getSpec()),
          "ClickHouse system.columns at " + url);
    } catch (IOException | RuntimeException e) {
      return new DbtSourcesCommand.Columns(
          p,
          DbtColumns.fromWorkerConfig(sink, p.getSpec()),
          "the worker config ("
              + sinkFile
              + "), since ClickHouse at "
              + url
              + " did not answer: "
              + String.valueOf(e.getMessage()).replace('\n', ' '));
    }
  }

  /** The header text when only the spec is known. */
  static String specOnly(String why) {
    return "the spec, only _version and _deleted (no worker config yet), since " + why;
  }
}
