package io.kubecdc.chfront.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Accepts the single user {@code default} with the password configured at start (or none). */
final class Authenticator {
  private final byte[] password;

  Authenticator(String password) {
    this.password = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
  }

  boolean accepts(String user, String candidate) {
    byte[] given = (candidate == null ? "" : candidate).getBytes(StandardCharsets.UTF_8);
    boolean passwordOk = MessageDigest.isEqual(password, given);
    return "default".equals(user) && passwordOk;
  }
}
