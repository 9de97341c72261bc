package io.kubecdc.operator.cleanup;

/**
 * Something a deletion could not remove: what it is, why not, and how a person removes it. Shown in
 * status and Events until it is gone or the deletion gives up.
 */
public record Leftover(String what, String why, String howToRemove) {
  @Override
  public String toString() {
    return what + " (" + why + "): " + howToRemove;
  }
}
