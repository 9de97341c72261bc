package io.kubecdc.chfront.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The official drivers a user may bring: the current release from the test class path, and the
 * older ones the build copies into {@code target/drivers/<artifact>-<line>/}, each loaded in its
 * own class loader so that versions never mix. Only slf4j is shared, so their logs reach the test
 * log.
 */
final class OlderDrivers {
  private static final ClassLoader SLF4J_ONLY =
      new ClassLoader("slf4j-only", ClassLoader.getPlatformClassLoader()) {
        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
          if (name.startsWith("org.slf4j.")) {
            return OlderDrivers.class.getClassLoader().loadClass(name);
          }
          throw new ClassNotFoundException(name);
        }
      };

  private OlderDrivers() {}

  /** A driver version and the class loader that holds it. */
  record Driver(String label, ClassLoader loader) {
    @Override
    public String toString() {
      return label;
    }

    /**
     * A database of its own per driver, so the versions never see each other's tables; digits only
     * after the prefix, as {@code _} is a wildcard in the metadata patterns.
     */
    String database(String prefix) {
      return prefix + label.replaceAll("[^0-9]", "");
    }
  }

  /** The current release from the test class path, then every copied folder for the artifact. */
  static Stream<Driver> of(String artifact) {
    String current = System.getProperty("kubecdc.chfront.current-driver", "current");
    List<Driver> drivers = new ArrayList<>();
    drivers.add(new Driver(artifact + "-" + current, OlderDrivers.class.getClassLoader()));
    Path root = Path.of(System.getProperty("kubecdc.chfront.drivers", "target/drivers"));
    try (Stream<Path> dirs = Files.list(root)) {
      dirs.filter(d -> d.getFileName().toString().startsWith(artifact + "-"))
          .sorted()
          .forEach(d -> drivers.add(load(d)));
    } catch (IOException e) {
      throw new UncheckedIOException("no driver folders in " + root + ": run through failsafe", e);
    }
    return drivers.stream();
  }

  private static Driver load(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
      String label = dir.getFileName().toString();
      URL[] urls = new URL[jars.size()];
      for (int i = 0; i < urls.length; i++) {
        urls[i] = jars.get(i).toUri().toURL();
      }
      return new Driver(label, new URLClassLoader(label, urls, SLF4J_ONLY));
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
