package io.kubecdc.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code kubecdc} says about arguments and manifests it cannot run, before touching anything.
 */
class KubecdcCommandTest {
  @TempDir Path dir;
  private Path secrets;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void secretsFolder() throws IOException {
    secrets = Files.createDirectories(dir.resolve("secrets"));
  }

  private int kubecdc(String... args) {
    return KubecdcCommand.execute(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path fixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/manifests/" + name)) {
      return Files.write(dir.resolve(name), in.readAllBytes());
    }
  }

  @Test
  void shouldAskForASubcommand() {
    assertThat(kubecdc()).isEqualTo(KubecdcCommand.BAD_INPUT);
    assertThat(err())
        .contains("name a subcommand: run, delete, status, diff or dbt-sources")
        .contains("Usage: kubecdc");
  }

  @Test
  void shouldRequireTheManifests() {
    assertThat(kubecdc("run", "--once")).isEqualTo(2);
    assertThat(err()).contains("Missing required option: '--filename=FILE'");
  }

  @Test
  void shouldNameAMissingFile() {
    assertThat(kubecdc("run", "-f", "nope.yaml", "--secrets", secrets.toString())).isEqualTo(2);
    assertThat(err()).contains("-f nope.yaml: no such file");
  }

  @Test
  void shouldNameAMissingSecretsFolder() throws IOException {
    Path env = fixture("environment.yaml");
    assertThat(kubecdc("delete", "-f", env.toString(), "--secrets", "no-such-dir")).isEqualTo(2);
    assertThat(err()).contains("--secrets no-such-dir: no such folder");
  }

  @Test
  void shouldRefuseABadDuration() {
    assertThat(kubecdc("run", "-f", "x.yaml", "--once", "--timeout", "5 minutes")).isEqualTo(2);
    assertThat(err()).contains("'5 minutes' is not a positive duration such as 30s, 5m or 1h");
  }

  @Test
  void shouldRefuseATimeoutWithoutOnce() throws IOException {
    Path env = fixture("environment.yaml");
    String[] args = {
      "run", "-f", env.toString(), "--secrets", secrets.toString(), "--timeout", "1m"
    };
    assertThat(kubecdc(args)).isEqualTo(2);
    assertThat(err()).contains("--timeout needs --once");
  }

  @Test
  void shouldRefuseFilesWithoutAPipeline() throws IOException {
    Path env = fixture("environment.yaml");
    assertThat(kubecdc("run", "-f", env.toString(), "--secrets", secrets.toString())).isEqualTo(2);
    assertThat(err()).contains("no CdcPipeline in the files: pass one with -f pipeline.yaml");
  }

  @Test
  void shouldNameTheEnvironmentThePipelineLacks() throws IOException {
    Path pipeline = fixture("pipeline.yaml");
    assertThat(kubecdc("run", "-f", pipeline.toString(), "--secrets", secrets.toString()))
        .isEqualTo(2);
    assertThat(err())
        .contains(
            "CdcPipeline prod/orders: spec.environment names CdcEnvironment prod/default,"
                + " which none of the files defines");
  }

  @Test
  void shouldNameTheSecretFileThatIsMissing() throws IOException {
    String[] args = {
      "run",
      "-f",
      fixture("environment.yaml").toString(),
      "-f",
      fixture("pipeline.yaml").toString(),
      "--secrets",
      secrets.toString()
    };
    assertThat(kubecdc(args)).isEqualTo(2);
    assertThat(err())
        .contains("secret shop-cdc key username: no file " + secrets.resolve("shop-cdc/username"));
  }

  @Test
  void shouldNameFileAndFieldOfAnInvalidManifest() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"),
            Files.readString(fixture("pipeline.yaml")).replace("database:", "databse:"));
    assertThat(kubecdc("delete", "-f", bad.toString(), "--secrets", secrets.toString()))
        .isEqualTo(2);
    assertThat(err())
        .contains(bad + " (document 1), CdcPipeline prod/orders")
        .contains("spec.clickhouse: required property 'database' not found");
  }
}
