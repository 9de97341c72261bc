package io.kubecdc.chfront.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StatementsTest {

  @Test
  void shouldFindASecondStatementButNotSemicolonsInStringsCommentsOrAtTheEnd() {
    assertThat(Statements.secondStatement("SELECT 1; SELECT 2")).hasValue(8);
    assertThat(Statements.secondStatement("SELECT 1;;\n DROP TABLE t")).hasValue(8);
    assertThat(Statements.secondStatement("SELECT 1;")).isEmpty();
    assertThat(Statements.secondStatement("SELECT 1 ; ; -- done; really\n")).isEmpty();
    assertThat(Statements.secondStatement("SELECT ';', `a;b` /* ; */ FROM t")).isEmpty();
  }

  @Test
  void shouldRewriteAnInsertWithColumnsToReadFromAFile() {
    String text = "INSERT INTO db.t (id, `format`, name) FORMAT RowBinary\n\u0001\u0002";
    InsertStatement insert = Statements.dataInsert(text).orElseThrow();
    assertThat(insert.format()).isEqualTo("RowBinary");
    assertThat(text.substring(insert.dataOffset())).isEqualTo("\u0001\u0002");
    String sql =
        new String(
            insert.fromInfile(Path.of("/tmp/up/x.data"), StandardCharsets.UTF_8),
            StandardCharsets.UTF_8);
    assertThat(sql)
        .isEqualTo(
            "INSERT INTO db.t (id, `format`, name) FROM INFILE '/tmp/up/x.data' FORMAT RowBinary");
  }

  @Test
  void shouldKeepSettingsAfterTheInfileClause() {
    String text = "insert into t settings async_insert=0 format JSONEachRow {\"id\":1}";
    InsertStatement insert = Statements.dataInsert(text).orElseThrow();
    assertThat(insert.target()).isEqualTo("insert into t");
    assertThat(insert.clauses()).isEqualTo("settings async_insert=0 format JSONEachRow");
    assertThat(text.substring(insert.dataOffset())).isEqualTo("{\"id\":1}");
  }

  @Test
  void shouldStartDataAfterTheFirstNewlineOnly() {
    String text = "INSERT INTO t FORMAT TSV  \n\n1\n";
    InsertStatement insert = Statements.dataInsert(text).orElseThrow();
    assertThat(text.substring(insert.dataOffset())).isEqualTo("\n1\n");
  }

  @Test
  void shouldNotTreatValuesSelectOrInfileInsertsAsDataInserts() {
    assertThat(Statements.dataInsert("INSERT INTO t VALUES (1, 'FORMAT x')")).isEmpty();
    assertThat(Statements.dataInsert("INSERT INTO t (a) SELECT 1 FORMAT JSON")).isEmpty();
    assertThat(Statements.dataInsert("INSERT INTO t FROM INFILE 'f' FORMAT CSV")).isEmpty();
    assertThat(Statements.dataInsert("SELECT 1 FORMAT JSON")).isEmpty();
    assertThat(Statements.dataInsert("/* c */ INSERT INTO format FORMAT CSV\n1")).isPresent();
  }

  @Test
  void shouldFindTheOutputFormatOutsideStringsAndComments() {
    assertThat(Statements.outputFormat("SELECT 'FORMAT CSV' FORMAT JSONEachRow"))
        .contains("JSONEachRow");
    assertThat(Statements.outputFormat("SELECT 1 -- FORMAT CSV\n")).isEmpty();
    assertThat(Statements.outputFormat("SELECT x FROM (SELECT 1 AS x FORMAT CSV)")).isEmpty();
    assertThat(Statements.leadingKeyword("  -- hi\n select 1")).isEqualTo("SELECT");
  }
}
