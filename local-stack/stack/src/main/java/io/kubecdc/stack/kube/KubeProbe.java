package io.kubecdc.stack.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTP client that trusts only the local stack's CA, for the readiness probes of the API server
 * and the controller manager: their health endpoints answer anonymous requests, so no client
 * certificate is needed, but the probe still checks the server's certificate and address.
 */
public final class KubeProbe {
  private KubeProbe() {}

  public static HttpClient trusting(Path caCert) {
    try (InputStream in = Files.newInputStream(caCert)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry(
          "kubecdc-local-stack-ca",
          CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + caCert, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + caCert, e);
    }
  }
}
