package io.kubecdc.chfront.it;

import java.io.IOException;
import java.io.InputStream;
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

  /**
   * A new {@code impl} (compiled against the current driver) as defined again in {@code driver}'s
   * class loader, so that its calls link to that version; {@code api} stays the test's own type.
   * {@code impl} must use nothing but the JDK, the driver and {@code api}.
   */
  static <T> T instantiate(Driver driver, Class<T> api, Class<? extends T> impl, Object... args)
      throws ReflectiveOperationException {
    ClassLoader loader = new DefinesAgain(driver, api, impl);
    return api.cast(loader.loadClass(impl.getName()).getConstructors()[0].newInstance(args));
  }

  /** Defines {@code impl} and its nested classes from their class files; the rest as the driver. */
  private static final class DefinesAgain extends ClassLoader {
    private final Class<?> api;
    private final Class<?> impl;

    DefinesAgain(Driver driver, Class<?> api, Class<?> impl) {
      super(driver.label() + "+" + impl.getSimpleName(), driver.loader());
      this.api = api;
      this.impl = impl;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.equals(api.getName())) {
        return api;
      }
      if (!name.equals(impl.getName()) && !name.startsWith(impl.getName() + "$")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        String file = name.replace('.', '/') + ".class";
        try (InputStream in = impl.getClassLoader().getResourceAsStream(file)) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
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
