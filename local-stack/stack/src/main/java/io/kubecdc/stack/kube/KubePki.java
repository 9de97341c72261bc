package io.kubecdc.stack.kube;

import io.kubecdc.stack.service.Secrets;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * The local API server's certificates: a CA made for this stack folder and the leaf certificates
 * signed by it, written once as PEM files under {@code <stack>/kube/pki} (keys readable by the
 * owner only) and kept across restarts, so that kubeconfigs and clients stay valid.
 *
 * <p>Why BouncyCastle rather than openssl or the JDK: the JDK has no public API to issue
 * certificates, and openssl would be one more program for {@code bin/setup} to install on a fresh
 * machine; BouncyCastle comes from Maven Central with the rest of the build.
 */
public final class KubePki {
  /** The static admin identity: member of {@code system:masters}, so allowed everything. */
  public static final String ADMIN_USER = "kubecdc-admin";

  /** The controller manager's identity, bound by the API server's bootstrap RBAC policy. */
  public static final String CONTROLLER_MANAGER_USER = "system:kube-controller-manager";

  private static final Duration VALIDITY = Duration.ofDays(3650);
  private static final SecureRandom RANDOM = new SecureRandom();
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
      KeyPair ca = rsa();
      X500Name caName = name("kubecdc-local-stack-ca", null);
      X509Certificate caCert = sign(caName, ca, caName, ca, null, true, List.of());
      List<GeneralName> serverNames =
          List.of(
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.iPAddress, "10.96.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.dNSName, "kubernetes"),
              new GeneralName(GeneralName.dNSName, "kubernetes.default"),
              new GeneralName(GeneralName.dNSName, "kubernetes.default.svc"),
              new GeneralName(GeneralName.dNSName, "kubernetes.default.svc.cluster.local"));
      issue(
          "apiserver",
          name("kube-apiserver", null),
          caName,
          ca,
          KeyPurposeId.id_kp_serverAuth,
          serverNames);
      issue(
          "controller-manager-serving",
          name("kube-controller-manager", null),
          caName,
          ca,
          KeyPurposeId.id_kp_serverAuth,
          serverNames);
      issue(
          "admin",
          name(ADMIN_USER, "system:masters"),
          caName,
          ca,
          KeyPurposeId.id_kp_clientAuth,
          List.of());
      issue(
          "controller-manager",
          name(CONTROLLER_MANAGER_USER, null),
          caName,
          ca,
          KeyPurposeId.id_kp_clientAuth,
          List.of());
      KeyPair sa = rsa();
      Secrets.writePrivate(
          key("sa"), pem(new PemObject("PRIVATE KEY", sa.getPrivate().getEncoded())));
      Files.writeString(
          serviceAccountPublicKey(), pem(new PemObject("PUBLIC KEY", sa.getPublic().getEncoded())));
      Secrets.writePrivate(
          key("ca"), pem(new PemObject("PRIVATE KEY", ca.getPrivate().getEncoded())));
      Files.writeString(caCert(), pem(caCert));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the certificates under " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create the local API server's certificates", e);
    }
  }

  private void issue(
      String file,
      X500Name subject,
      X500Name caName,
      KeyPair ca,
      KeyPurposeId usage,
      List<GeneralName> names)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    KeyPair pair = rsa();
    X509Certificate cert = sign(subject, pair, caName, ca, usage, false, names);
    Secrets.writePrivate(
        key(file), pem(new PemObject("PRIVATE KEY", pair.getPrivate().getEncoded())));
    Files.writeString(cert(file), pem(cert));
  }

  private static X509Certificate sign(
      X500Name subject,
      KeyPair subjectKeys,
      X500Name issuer,
      KeyPair issuerKeys,
      KeyPurposeId usage,
      boolean isCa,
      List<GeneralName> names)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(64, RANDOM).abs(),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (isCa) {
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
    } else {
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
    }
    if (!names.isEmpty()) {
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
    }
    var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static X500Name name(String commonName, String organization) {
    X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
    if (organization != null) {
      b.addRDN(BCStyle.O, organization);
    }
    return b.addRDN(BCStyle.CN, commonName).build();
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, RANDOM);
    return g.generateKeyPair();
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(object);
    }
    return out.toString();
  }
}
