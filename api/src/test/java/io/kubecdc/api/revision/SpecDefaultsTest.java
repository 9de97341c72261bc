package io.kubecdc.api.revision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Defaults are found by constructing the model, so an operator version whose model has one field
 * more, with a default, must give the same tree for a spec that does not set it: the revision of
 * every pipeline stays what it was across that upgrade.
 */
class SpecDefaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldGiveTheSameTreeWhenANewerModelAddsAFieldWithADefault() {
    Before before = new Before();
    before.getItems().add(new Item());
    before.getItems().get(0).setName("a");
    After after = new After();
    after.getItems().add(new Item());
    after.getItems().get(0).setName("a");

    assertThat(tree(after)).isEqualTo(tree(before));
    assertThat(tree(before).toString()).isEqualTo("{\"items\":[{\"name\":\"a\"}]}");
  }

  @Test
  void shouldKeepWhatDiffersFromTheDefaultInObjectsListsAndMaps() {
    After after = new After();
    after.setAdded(9);
    after.getNested().setSize(3);
    Item item = new Item();
    item.setName("b");
    item.setWeight(2.5);
    after.getItems().add(item);
    Item byDefault = new Item();
    byDefault.setName("c");
    after.getByName().put("x", byDefault);

    assertThat(tree(after).toString())
        .isEqualTo(
            "{\"added\":9,\"byName\":{\"x\":{\"name\":\"c\"}},"
                + "\"items\":[{\"name\":\"b\",\"weight\":2.5}],\"nested\":{\"size\":3}}");
  }

  private static JsonNode tree(Object model) {
    return SpecDefaults.withoutDefaults(JSON, model);
  }

  public static class Item {
    private String name;
    private double weight = 1.0;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public double getWeight() {
      return weight;
    }

    public void setWeight(double weight) {
      this.weight = weight;
    }
  }

  public static class Nested {
    private int size = 1;

    public int getSize() {
      return size;
    }

    public void setSize(int size) {
      this.size = size;
    }
  }

  /** A model as an older operator had it. */
  public static class Before {
    private Nested nested = new Nested();
    private List<Item> items = new ArrayList<>();
    private Map<String, Item> byName = new TreeMap<>();

    public Nested getNested() {
      return nested;
    }

    public List<Item> getItems() {
      return items;
    }

    public Map<String, Item> getByName() {
      return byName;
    }
  }

  /** The same model in a newer operator: one field more, with a default. */
  public static class After extends Before {
    private int added = 5;

    public int getAdded() {
      return added;
    }

    public void setAdded(int added) {
      this.added = added;
    }
  }
}
