package io.kubecdc.operator.status;

/** What a reconcile found for one part. */
public enum Health {
  /** Works as declared. */
  READY,
  /** Works, but needs attention (a task restarted, a slot holds much WAL): condition stays True. */
  DEGRADED,
  /** Being created or catching up; no user action needed. */
  PROGRESSING,
  /** Cannot work until the user fixes something named in the message. */
  FAILED,
  /** Not checked: an earlier part failed, or the system could not be reached. */
  UNKNOWN
}
