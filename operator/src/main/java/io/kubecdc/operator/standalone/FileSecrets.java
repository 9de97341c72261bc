package io.kubecdc.operator.standalone;

import io.kubecdc.api.crd.v1alpha1.SecretKeys;
import io.kubecdc.operator.core.SecretReferences;
import io.kubecdc.operator.core.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Secrets in standalone mode: a folder laid out as Kubernetes mounts a Secret, {@code <dir>/<secret
 * name>/<key>}, one value per file (a trailing newline is dropped). The config-provider references
 * for Connect are rendered from the environment's template, as the operator does; with Connect's
 * {@code dir} provider the template is {@code ${dir:<dir>/{name}:{key}}}. Because Connect needs an
 * absolute path and the folder moves with the clone, the template may say {@code {secretsDir}} for
 * this folder (standalone mode only): {@code ${dir:{secretsDir}/{name}:{key}}}.
 */
public final class FileSecrets {
  private final Path dir;

  public FileSecrets(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public static final String SECRETS_DIR = "{secretsDir}";

  public Secrets.Credentials credentials(String namespace, SecretKeys keys, String reference) {
    String template = reference.replace(SECRETS_DIR, dir.toString());
    String user = read(keys.getName(), keys.getUsernameKey());
    String password = read(keys.getName(), keys.getPasswordKey());
    return new Secrets.Credentials(
        user,
        password,
        SecretReferences.render(template, namespace, keys.getName(), keys.getUsernameKey()),
        SecretReferences.render(template, namespace, keys.getName(), keys.getPasswordKey()));
  }

  private String read(String secret, String key) {
    Path file = dir.resolve(secret).resolve(key);
    if (!file.normalize().startsWith(dir)) {
      throw new ManifestException("secret " + secret + " key " + key + ": not a plain name");
    }
    if (!Files.isRegularFile(file)) {
      throw new ManifestException(
          "secret %s key %s: no file %s (standalone mode reads Secrets from --secrets DIR/<name>/<key>)"
              .formatted(secret, key, file));
    }
    try {
      String value = Files.readString(file);
      return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    } catch (IOException e) {
      throw new ManifestException("secret " + secret + " key " + key + ": " + e.getMessage(), e);
    }
  }
}
