package io.kubecdc.chfront.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An {@code INSERT ... FORMAT <name>} statement split into its target part ({@code INSERT INTO t
 * (cols)}) and its clause part ({@code [SETTINGS ...] FORMAT <name>}), so that the data can be read
 * from a file instead of being inlined in the query text.
 *
 * @param target the statement up to the SETTINGS or FORMAT clause
 * @param clauses the SETTINGS/FORMAT clauses, up to and including the format name
 * @param format the input format name
 * @param dataOffset offset in the parsed text where inline data starts
 */
public record InsertStatement(String target, String clauses, String format, int dataOffset) {

  /**
   * {@code INSERT INTO t (cols) FROM INFILE '<file>' [SETTINGS ...] FORMAT <name>}, encoded back to
   * bytes with the charset the statement text was decoded with.
   */
  public byte[] fromInfile(Path file, Charset textCharset) {
    String quoted = file.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(target.getBytes(textCharset));
    out.writeBytes((" FROM INFILE '" + quoted + "' ").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(clauses.getBytes(textCharset));
    return out.toByteArray();
  }
}
