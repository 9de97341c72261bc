package io.kubecdc.stack.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubePkiTest {
  @TempDir Path temp;

  @Test
  void shouldIssueCertificatesSignedByItsCaWithTheNamesTheServerAndClientsNeed() throws Exception {
    KubePki pki = new KubePki(temp.resolve("pki"));
    pki.ensure();

    X509Certificate ca = read(pki.caCert());
    X509Certificate server = read(pki.cert("apiserver"));
    X509Certificate admin = read(pki.cert("admin"));
    server.verify(ca.getPublicKey());
    admin.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
    assertThat(server.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))))
        .contains("127.0.0.1", "localhost", "kubernetes.default.svc");
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(admin.getSubjectX500Principal().getName())
        .isEqualTo("CN=kubecdc-admin,O=system:masters");
    assertThat(admin.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(read(pki.cert("controller-manager")).getSubjectX500Principal().getName())
        .isEqualTo("CN=system:kube-controller-manager");
    for (String key : List.of("ca", "apiserver", "admin", "controller-manager", "sa")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.key(key))))
          .as(key)
          .isEqualTo("rw-------");
    }
  }

  @Test
  void shouldKeepTheCertificatesItIssuedBefore() throws Exception {
    KubePki pki = new KubePki(temp.resolve("pki"));
    pki.ensure();
    byte[] ca = Files.readAllBytes(pki.caCert());
    byte[] saKey = Files.readAllBytes(pki.key("sa"));

    new KubePki(temp.resolve("pki")).ensure();

    assertThat(Files.readAllBytes(pki.caCert())).isEqualTo(ca);
    assertThat(Files.readAllBytes(pki.key("sa"))).isEqualTo(saKey);
  }

  private static X509Certificate read(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
