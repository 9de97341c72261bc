package io.kubecdc.chfront.engine;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** UTF-8 strings in native memory, as a {@code const char* const*} plus a {@code size_t*}. */
final class NativeStrings {
  private final Pointer[] pointers;
  private final Memory lengths;
  private final Memory[] keepAlive;

  NativeStrings(Collection<String> strings) {
    int n = strings.size();
    pointers = new Pointer[n];
    keepAlive = new Memory[n];
    lengths = new Memory(8L * Math.max(1, n));
    int i = 0;
    for (String s : strings) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      Memory m = new Memory(bytes.length + 1L);
      m.write(0, bytes, 0, bytes.length);
      m.setByte(bytes.length, (byte) 0);
      keepAlive[i] = m;
      pointers[i] = m;
      lengths.setLong(8L * i, bytes.length);
      i++;
    }
  }

  Pointer[] pointers() {
    return pointers;
  }

  Pointer lengths() {
    return lengths;
  }

  int size() {
    return keepAlive.length;
  }
}
