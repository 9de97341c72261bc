package io.kubecdc.operator.cli;

import io.kubecdc.operator.standalone.Standalone;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kubecdc delete}: the core's teardown for the pipelines of the files (connector, slot and
 * publication always; topics and tables per {@code deletionPolicy}), printing what was removed and
 * what is left behind with how to remove it. Stop {@code kubecdc run} first: it would re-create
 * what this removes.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Removes what the pipelines of the files created, as deleting the CdcPipeline does in a"
          + " cluster; exits 1 when something is left behind."
    })
final class DeleteCommand implements Callable<Integer> {
  @Mixin ManifestOptions manifests;

  @Override
  public Integer call() {
    var settings = manifests.settings(Duration.ofSeconds(1), Optional.empty());
    return Standalone.delete(settings, manifests.out());
  }
}
