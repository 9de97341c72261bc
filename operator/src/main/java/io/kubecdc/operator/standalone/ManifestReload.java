package io.kubecdc.operator.standalone;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.kubecdc.operator.core.PipelineRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows edits of a run's manifest files, as the operator follows {@code kubectl apply}: the
 * files' content hash is compared at each check, and a changed content is read, validated (schema,
 * CEL rules, the transition rules against what was read before, a checkpoint version never below
 * one that already ran) and handed to the pipelines, whose next check reconciles it through the
 * same core call. An edit that fails any of this is not applied: the pipelines keep their running
 * spec, the reason is printed once and shown by {@code kubecdc status --state-dir} until the files
 * are fixed. Adding or removing a pipeline needs a restart, since each pipeline's worker ports and
 * state folder are set up at start.
 */
final class ManifestReload {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestReload.class);

  private final List<Path> files;
  private final FileSecrets secrets;
  private Manifests applied;
  private String hash;

  private ManifestReload(List<Path> files, FileSecrets secrets, String hash) {
    this.files = List.copyOf(files);
    this.secrets = secrets;
    this.hash = hash;
    this.applied = ManifestLoader.load(files);
  }

  /** Reads the files the run starts with (hashed first: an edit while they are read counts). */
  static ManifestReload read(List<Path> files, FileSecrets secrets) {
    return new ManifestReload(files, secrets, hash(files));
  }

  /** The manifests last applied. */
  Manifests manifests() {
    return applied;
  }

  /**
   * Applies the files to {@code runs} if their content changed since the last call; returns the
   * line to print about it, empty when nothing changed.
   */
  Optional<String> apply(List<PipelineRun> runs) {
    String now = hash(files);
    if (now.equals(hash)) {
      return Optional.empty();
    }
    hash = now;
    try {
      Manifests read = ManifestLoader.load(files, applied);
      List<PipelineRequest> requests = StandaloneRequests.of(read, secrets);
      Map<String, PipelineRun> byId =
          runs.stream().collect(Collectors.toMap(PipelineRun::id, Function.identity()));
      samePipelines(byId.keySet(), requests);
      for (PipelineRequest r : requests) {
        checkNotLowered(r, byId.get(id(r)).highestVersion(), read.whereIs(r.namespace(), r.name()));
      }
      applied = read;
      List<String> changed = new ArrayList<>();
      for (PipelineRequest r : requests) {
        PipelineRun run = byId.get(id(r));
        if (run.update(r)) {
          changed.add(id(r) + " (generation " + run.generation() + ")");
        }
      }
      LOG.info("event=manifest_applied files={} changed={}", files, changed);
      return Optional.of(
          changed.isEmpty()
              ? "kubecdc run: the files changed, no pipeline did"
              : "kubecdc run: applied the edited files to " + String.join(", ", changed));
    } catch (ManifestException e) {
      LOG.warn("event=manifest_rejected files={} error=\"{}\"", files, e.getMessage());
      runs.forEach(r -> r.notApplied(e.getMessage()));
      return Optional.of(
          "kubecdc run: edit NOT applied, the pipelines keep their running spec: "
              + e.getMessage());
    }
  }

  /**
   * Refuses a checkpoint version below {@code highest}, the highest one that ran: the CRD's rule
   * {@code self >= oldSelf}, which also holds across restarts of the run (its generations survive
   * in the state folder).
   */
  static void checkNotLowered(PipelineRequest r, int highest, String where) {
    int version = r.spec().getCheckpoint().getVersion();
    if (version < highest) {
      throw new ManifestException(
          "%s, CdcPipeline %s: spec.checkpoint.version %d is lower than %d, which already ran: checkpoint.version can only be raised"
              .formatted(where, id(r), version, highest));
    }
  }

  private static void samePipelines(Set<String> running, List<PipelineRequest> read) {
    TreeSet<String> now =
        read.stream().map(ManifestReload::id).collect(Collectors.toCollection(TreeSet::new));
    if (!now.equals(new TreeSet<>(running))) {
      TreeSet<String> added = new TreeSet<>(now);
      added.removeAll(running);
      TreeSet<String> removed = new TreeSet<>(running);
      removed.removeAll(now);
      throw new ManifestException(
          "pipelines added %s or removed %s: restart kubecdc run for that"
              .formatted(added, removed));
    }
  }

  private static String id(PipelineRequest r) {
    return r.namespace() + "/" + r.name();
  }

  /** The files' content hash; a file that cannot be read counts as a change (read reports it). */
  static String hash(List<Path> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path f : files) {
        sha.update(f.toString().getBytes(UTF_8));
        try {
          sha.update(Files.readAllBytes(f));
        } catch (IOException e) {
          sha.update(("unreadable " + e).getBytes(UTF_8));
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }
}
