package io.kubecdc.operator.standalone;

/**
 * A {@link RunLoop} on a thread of its own, as {@code kubecdc run} without {@code --once} runs in a
 * terminal until Ctrl-C; {@link #stop} does what Ctrl-C does.
 */
final class LoopThread {
  private final RunLoop loop;
  private final Thread thread;

  private LoopThread(RunLoop loop, String name) {
    this.loop = loop;
    this.thread =
        new Thread(
            () -> {
              try {
                loop.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
  }

  static LoopThread start(RunLoop loop, String name) {
    LoopThread t = new LoopThread(loop, name);
    t.thread.start();
    return t;
  }

  /** Ends the loop after its current check, waits for it, and stops the workers. */
  void stop() throws InterruptedException {
    loop.stop();
    thread.join(60_000);
    loop.close();
  }
}
