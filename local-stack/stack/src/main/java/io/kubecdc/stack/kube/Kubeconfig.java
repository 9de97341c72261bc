package io.kubecdc.stack.kube;

import io.kubecdc.stack.service.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes a kubeconfig for one identity of the local API server. Certificates and key are embedded,
 * so the file works from any directory and can be copied; it is readable by its owner only because
 * it holds a private key.
 */
public final class Kubeconfig {
  /** The cluster, user and context name in every kubeconfig the stack writes. */
  public static final String CONTEXT = "kubecdc-local-stack";

  private Kubeconfig() {}

  public static void write(Path file, String server, KubePki pki, String identity, String user) {
    String text =
        """
        # written by the KubeCDC local stack at every start of the kube service
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
            certificate-authority-data: %3$s
        users:
        - name: %4$s
          user:
            client-certificate-data: %5$s
            client-key-data: %6$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %4$s
        current-context: %1$s
        """
            .formatted(
                CONTEXT,
                server,
                base64(pki.caCert()),
                user,
                base64(pki.cert(identity)),
                base64(pki.key(identity)));
    try {
      Files.createDirectories(file.getParent());
      Secrets.writePrivate(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String base64(Path file) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
