package io.kubecdc.operator.cli;

/**
 * A command that cannot do its job for a reason the user can fix (an unknown pipeline, a cluster
 * that does not answer, a context that does not exist): printed as {@code kubecdc: <message>}, exit
 * code 2. The message names what was asked for and where it was looked for.
 */
final class CliFailure extends RuntimeException {
  CliFailure(String message) {
    super(message);
  }
}
