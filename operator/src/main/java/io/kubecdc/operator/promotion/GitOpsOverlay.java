package io.kubecdc.operator.promotion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A kustomize overlay of a GitOps checkout (the layout of examples/gitops: one folder per
 * environment with a {@code kustomization.yaml}) that receives a promoted pipeline as {@code
 * pipelines/<name>.yaml}. The change is the smallest that kustomize renders: that one file, and its
 * entry in the kustomization's {@code resources} when it was not there, added as a line so that the
 * rest of the file, comments included, stays as it was.
 */
public final class GitOpsOverlay {
  private static final Pattern RESOURCES = Pattern.compile("(?m)^resources:[ \\t]*$");
  private final Path dir;

  public GitOpsOverlay(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The indentation of the list that follows {@code resources:}, so that the new item fits. */
  private static String indent(String after) {
    var m = Pattern.compile("\\A\\n([ \\t]*)-").matcher(after);
    return m.find() ? m.group(1) : "  ";
  }

  /** Where the pipeline's manifest lives in the overlay. */
  public Path manifest(String pipeline) {
    return dir.resolve("pipelines").resolve(pipeline + ".yaml");
  }

  /**
   * Writes the manifest and lists it in the kustomization; returns the files changed (relative to
   * the overlay), none when the manifest was already there as it is.
   */
  public List<String> write(String pipeline, String yaml) throws IOException {
    Path kustomization = dir.resolve("kustomization.yaml");
    if (!Files.isRegularFile(kustomization)) {
      throw new IOException("no kustomization.yaml in " + dir + ": not a kustomize overlay");
    }
    List<String> changed = new ArrayList<>();
    Path file = manifest(pipeline);
    if (!Files.exists(file) || !Files.readString(file).equals(yaml)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
      changed.add(dir.relativize(file).toString());
    }
    String entry = "pipelines/" + pipeline + ".yaml";
    String k = Files.readString(kustomization);
    if (!Pattern.compile("(?m)^\\s*-\\s*" + Pattern.quote(entry) + "\\s*$").matcher(k).find()) {
      var m = RESOURCES.matcher(k);
      String added =
          m.find()
              ? k.substring(0, m.end())
                  + "\n"
                  + indent(k.substring(m.end()))
                  + "- "
                  + entry
                  + k.substring(m.end())
              : k
                  + (k.endsWith("\n") || k.isEmpty() ? "" : "\n")
                  + "resources:\n  - "
                  + entry
                  + "\n";
      Files.writeString(kustomization, added);
      changed.add("kustomization.yaml");
    }
    return changed;
  }
}
