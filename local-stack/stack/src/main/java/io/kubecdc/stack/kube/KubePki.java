package io.kubecdc.stack.kube;

import io.kubecdc.stack.service.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * The local API server's certificates: a CA made for this stack folder and the leaf certificates
 * signed by it, written once as PEM files under {@code <stack>/kube/pki} (keys readable by the
 * owner only) and kept across restarts, so that kubeconfigs and clients stay valid.
 */
public final class KubePki {
  /** The static admin identity: member of {@code system:masters}, so allowed everything. */
  public static final String ADMIN_USER = "kubecdc-admin";

  /** The controller manager's identity, bound by the API server's bootstrap RBAC policy. */
  public static final String CONTROLLER_MANAGER_USER = "system:kube-controller-manager";

  private static final List<GeneralName> SERVER_NAMES =
      List.of(
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
          new GeneralName(GeneralName.iPAddress, "10.96.0.1"),
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.dNSName, "kubernetes"),
          new GeneralName(GeneralName.dNSName, "kubernetes.default"),
          new GeneralName(GeneralName.dNSName, "kubernetes.default.svc"),
          new GeneralName(GeneralName.dNSName, "kubernetes.default.svc.cluster.local"));

  private final Path dir;

  public KubePki(Path dir) {
    this.dir = dir;
  }

  public Path caCert() {
    return dir.resolve("ca.crt");
  }

  public Path cert(String name) {
    return dir.resolve(name + ".crt");
  }

  public Path key(String name) {
    return dir.resolve(name + ".key");
  }

  /** The public half of the service-account signing key, for the API server to verify tokens. */
  public Path serviceAccountPublicKey() {
    return dir.resolve("sa.pub");
  }

  /** Creates what is missing; existing files are kept. */
  public void ensure() {
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      if (Files.isRegularFile(caCert())) {
        return; // written last: its presence means the whole set is there
      }
      CertificateAuthority ca = CertificateAuthority.create("kubecdc-local-stack-ca");
      KeyPurposeId server = KeyPurposeId.id_kp_serverAuth;
      KeyPurposeId client = KeyPurposeId.id_kp_clientAuth;
      write("apiserver", ca.issue("kube-apiserver", null, server, SERVER_NAMES));
      write(
          "controller-manager-serving",
          ca.issue("kube-controller-manager", null, server, SERVER_NAMES));
      write("admin", ca.issue(ADMIN_USER, "system:masters", client, List.of()));
      write("controller-manager", ca.issue(CONTROLLER_MANAGER_USER, null, client, List.of()));
      KeyPair sa = CertificateAuthority.rsa();
      Secrets.writePrivate(key("sa"), CertificateAuthority.privateKeyPem(sa));
      Files.writeString(
          serviceAccountPublicKey(),
          CertificateAuthority.pem(new PemObject("PUBLIC KEY", sa.getPublic().getEncoded())));
      write("ca", ca.own());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the certificates under " + dir, e);
    }
  }

  private void write(String name, CertificateAuthority.Issued issued) throws IOException {
    Secrets.writePrivate(key(name), CertificateAuthority.privateKeyPem(issued.keys()));
    Files.writeString(cert(name), CertificateAuthority.pem(issued.certificate()));
  }
}
