package io.kubecdc.stack.kube;

import io.kubecdc.stack.StackConfig;
import io.kubecdc.stack.StackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The programs of the {@code kube} service: kube-apiserver, kube-controller-manager and the
 * matching kubectl (v1.20.2) from the folder given by {@code --kube-bin}, or else from the cache of
 * {@code local-stack/kube/build-kube}, which builds them on first use (once per machine); etcd from
 * the Debian package {@code etcd-server}.
 */
public record KubeBinaries(Path apiserver, Path controllerManager, Path kubectl, Path etcd) {
  private static final List<String> ETCD = List.of("/usr/bin/etcd", "/usr/local/bin/etcd");

  public static KubeBinaries locate(StackConfig config) {
    Path bin = config.kube().binaries() != null ? config.kube().binaries() : build(config);
    KubeBinaries b =
        new KubeBinaries(
            bin.resolve("kube-apiserver"),
            bin.resolve("kube-controller-manager"),
            bin.resolve("kubectl"),
            ETCD.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null));
    for (Path p : List.of(b.apiserver, b.controllerManager, b.kubectl)) {
      if (!Files.isExecutable(p)) {
        throw new StackException(
            p
                + " is missing: --kube-bin / KUBECDC_STACK_KUBE_BIN must name a folder with"
                + " kube-apiserver, kube-controller-manager and kubectl");
      }
    }
    if (b.etcd == null) {
      throw new StackException(
          "etcd is missing (looked for " + ETCD + "): install Debian's etcd-server (bin/setup)");
    }
    return b;
  }

  private static Path build(StackConfig config) {
    Path script = config.layout().kubeBuildScript();
    try {
      // progress and errors of a first build go to the console: it takes 10-20 minutes
      Process p =
          new ProcessBuilder(script.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() != 0 || out.isEmpty()) {
        throw new StackException(
            "kube-apiserver and kube-controller-manager are not available: "
                + script
                + " failed (see its message above; bin/setup installs what it needs)");
      }
      return Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
    } catch (IOException e) {
      throw new StackException("cannot run " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while running " + script, e);
    }
  }
}
