package io.kubecdc.operator.dev;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.operator.standalone.StateDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The volumes a container mounts, written into a local folder as a kubelet would mount them:
 * ConfigMap and Secret keys as files (Secrets mode 600), {@code emptyDir} as an empty folder, and
 * each mount path mapped to its local place, so that paths in the container's arguments and config
 * can be translated. Driven only by what the pod spec references, so that it works for whatever
 * names the operator gives its ConfigMaps and Secrets.
 */
final class PodVolumes {
  /** Mount path in the container to the local file or folder, longest path first. */
  private final Map<String, Path> mounts;

  private PodVolumes(Map<String, Path> mounts) {
    this.mounts = mounts;
  }

  /**
   * Writes the volumes of {@code container} under {@code dir}; empty when a ConfigMap or Secret it
   * references does not exist (yet), as a kubelet keeps such a pod in ContainerCreating.
   */
  static Optional<PodVolumes> mount(KubernetesClient client, Pod pod, Container container, Path dir)
      throws IOException {
    String ns = pod.getMetadata().getNamespace();
    Map<String, Volume> volumes = new LinkedHashMap<>();
    pod.getSpec().getVolumes().forEach(v -> volumes.put(v.getName(), v));
    Map<String, Path> mounts =
        new java.util.TreeMap<>(
            Comparator.comparing(String::length)
                .reversed()
                .thenComparing(Comparator.naturalOrder()));
    for (VolumeMount m : container.getVolumeMounts()) {
      Volume v = volumes.get(m.getName());
      if (v == null) {
        throw new IllegalStateException("volumeMount " + m.getName() + " names no volume");
      }
      Path local = dir.resolve("volumes").resolve(v.getName());
      Files.createDirectories(local);
      Map<String, byte[]> files;
      if (v.getConfigMap() != null) {
        ConfigMap cm =
            client.configMaps().inNamespace(ns).withName(v.getConfigMap().getName()).get();
        if (cm == null) {
          return Optional.empty();
        }
        files = select(text(cm.getData()), v.getConfigMap().getItems());
      } else if (v.getSecret() != null) {
        Secret s = client.secrets().inNamespace(ns).withName(v.getSecret().getSecretName()).get();
        if (s == null) {
          return Optional.empty();
        }
        files = select(decoded(s.getData()), v.getSecret().getItems());
      } else if (v.getEmptyDir() != null) {
        files = Map.of();
      } else {
        throw new IllegalStateException(
            "volume " + v.getName() + ": only configMap, secret and emptyDir can be mounted here");
      }
      for (var f : files.entrySet()) {
        StateDir.writePrivate(
            local.resolve(f.getKey()), new String(f.getValue(), StandardCharsets.UTF_8));
      }
      String subPath = m.getSubPath();
      mounts.put(
          m.getMountPath(), subPath == null || subPath.isEmpty() ? local : local.resolve(subPath));
    }
    return Optional.of(new PodVolumes(mounts));
  }

  /** {@code path} as seen in the container, translated to its local place when it is mounted. */
  String local(String path) {
    for (var m : mounts.entrySet()) {
      String mount = m.getKey();
      if (path.equals(mount)) {
        return m.getValue().toString();
      }
      if (path.startsWith(mount.endsWith("/") ? mount : mount + "/")) {
        return m.getValue()
            .resolve(path.substring(mount.length()).replaceFirst("^/", ""))
            .toString();
      }
    }
    return path;
  }

  private static Map<String, byte[]> text(Map<String, String> data) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (data != null) {
      data.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static Map<String, byte[]> decoded(Map<String, String> data) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (data != null) {
      data.forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v)));
    }
    return out;
  }

  /** All keys, or only the {@code items} under their paths, as the volume source says. */
  private static Map<String, byte[]> select(Map<String, byte[]> data, List<KeyToPath> items) {
    if (items == null || items.isEmpty()) {
      return data;
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (KeyToPath item : items) {
      byte[] value = data.get(item.getKey());
      if (value == null) {
        throw new IllegalStateException(
            "key " + item.getKey() + " is missing from the volume source");
      }
      out.put(item.getPath(), value);
    }
    return out;
  }
}
