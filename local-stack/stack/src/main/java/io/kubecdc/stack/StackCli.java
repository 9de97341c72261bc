package io.kubecdc.stack;

import io.kubecdc.stack.process.LogTail;
import io.kubecdc.stack.service.Service;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/stack up|down|status|clean [service...] [--home DIR] [--pg-port N] [--kafka-port N]
 * [--kafka-controller-port N] [--connect-port N] [--clickhouse-port N] [--chdb-lib FILE]}.
 */
public final class StackCli {
  private static final String USAGE =
      """
      usage: bin/stack <up|down|status|clean> [service...] [options]
        services: postgres kafka connect clickhouse kube
                  (default: all; up: all but kube, and up adds dependencies)
        options (or env KUBECDC_STACK_<NAME>, recorded in <home>/stack.properties at the first up):
          --home DIR                 stack folder (default: <repo>/.stack)
          --pg-port N                PostgreSQL (default 15432)
          --kafka-port N             Kafka broker (default 19092)
          --kafka-controller-port N  KRaft controller (default 19093)
          --connect-port N           Kafka Connect REST (default 18083)
          --clickhouse-port N        ClickHouse HTTP (default 18123)
          --chdb-lib FILE            libchdb.so (default: tools/chdb, installed by bin/setup)
          --kube-port N              kube-apiserver HTTPS (default 16443)
          --kube-etcd-port N         its etcd, client (default 12379)
          --kube-etcd-peer-port N    its etcd, peer (default 12380)
          --kube-controller-manager-port N  kube-controller-manager HTTPS (default 16444)
          --kube-bin DIR             kube-apiserver, kube-controller-manager, kubectl
                                     (default: the cache of local-stack/kube/build-kube)
      """;

  private StackCli() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(args, System.out);
    } catch (StackException e) {
      System.err.println("error: " + e.getMessage());
      code = 1;
    }
    System.exit(code);
  }

  static int run(String[] args, PrintStream out) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    Map<String, String> options = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        if (i + 1 >= args.length) {
          throw new StackException(args[i] + " needs a value");
        }
        options.put(args[i].substring(2), args[++i]);
      } else {
        names.add(args[i]);
      }
    }
    LocalStack stack = new LocalStack(StackConfig.load(options));
    switch (args[0]) {
      case "up" -> {
        long t0 = System.nanoTime();
        List<Service> started = stack.up(names);
        out.printf(
            "stack %s in %.1f s (%s)%n",
            started.isEmpty() ? "already up" : "up",
            (System.nanoTime() - t0) / 1e9,
            stack.config().home());
        status(stack, out);
        return 0;
      }
      case "down" -> stack.down(names);
      case "status" -> {
        return status(stack, out);
      }
      case "clean" -> stack.clean();
      default -> {
        out.print(USAGE);
        return 2;
      }
    }
    return 0;
  }

  /**
   * Prints one line per service; exit code 0 only if every service started by default runs and no
   * service crashed (kube may be stopped).
   */
  private static int status(LocalStack stack, PrintStream out) {
    boolean allRunning = true;
    for (Service s : stack.services()) {
      Service.State state = s.state();
      allRunning &=
          state == Service.State.RUNNING
              || (state == Service.State.STOPPED && !s.startedByDefault());
      out.printf("%-11s %-8s %s%n", s.name(), state.name().toLowerCase(), s.endpoint());
      if (state == Service.State.CRASHED) {
        out.println(LogTail.of(s.log(), 15));
      }
    }
    out.println("secrets    " + stack.config().secrets() + " (files readable by you only)");
    return allRunning ? 0 : 3;
  }
}
