package com.pulse.domain.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencySketchesTest {

  /**
   * {@link LatencySketches#newSketch} copies an empty template instead of calling sketches-java's
   * constructor; each sketch must still be independent and behave exactly as the constructor's
   * (same range, bins, collapsing and zero count): same counts, quantiles and bytes (which carry the
   * zero count) over 1,400+ bins.
   */
  @Test
  void newSketchesAreIndependentAndBehaveAsTheLibrarysConstructorBuildsThem() {
    DDSketch reference = new DDSketch(LatencySketches.MAPPING, () -> new CollapsingLowestDenseStore(1),
        () -> new CollapsingLowestDenseStore(LatencySketches.MAX_BINS));
    DDSketch first = LatencySketches.newSketch();
    SplittableRandom random = new SplittableRandom(14);
    double[] edges = {0, -1, 1e-300, Double.MIN_NORMAL, 1e-9, 1e200};
    for (double v : edges) {
      reference.accept(v);
      first.accept(v);
    }
    for (int i = 0; i < 20_000; i++) {
      double v = Math.pow(10, random.nextDouble(-3, 9));
      reference.accept(v);
      first.accept(v);
    }
    DDSketch second = LatencySketches.newSketch();
    assertThat(second.isEmpty()).isTrue();
    assertThat(first.getCount()).isEqualTo(reference.getCount());
    assertThat(first.getValuesAtQuantiles(new double[] {0, 0.5, 0.95, 0.99, 1}))
        .containsExactly(reference.getValuesAtQuantiles(new double[] {0, 0.5, 0.95, 0.99, 1}));
    assertThat(LatencySketches.serialize(first)).isEqualTo(LatencySketches.serialize(reference));
    second.accept(5);
    assertThat(LatencySketches.newSketch().isEmpty()).isTrue();
    assertThat(first.getCount()).isEqualTo(reference.getCount());
  }

  @Test
  void protobufRoundTripKeepsEveryBinAndTheZeroCount() {
    DDSketch sketch = LatencySketches.newSketch();
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      sketch.accept(Math.exp(2 + r.nextGaussian()));
    }
    sketch.accept(0.0);
    sketch.accept(0.0);

    DDSketch back = LatencySketches.deserialize(LatencySketches.serialize(sketch));

    assertThat(bins(back)).isEqualTo(bins(sketch));
    assertThat(LatencySketches.zeroCount(back)).isEqualTo(2);
    assertThat(back.getCount()).isEqualTo(10_002.0);
    assertThat(LatencySketches.quantile(back, 0.99)).isEqualTo(LatencySketches.quantile(sketch, 0.99));
  }

  @Test
  void quantilesAreWithinOnePercentOfTheExactValues() {
    DDSketch sketch = LatencySketches.newSketch();
    SplittableRandom r = new SplittableRandom(11);
    double[] values = new double[20_001];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.exp(3 + 1.5 * r.nextGaussian());
      sketch.accept(values[i]);
    }
    Arrays.sort(values);
    for (double q : new double[] {0.5, 0.95, 0.99}) {
      double exact = values[(int) Math.round(q * (values.length - 1))];
      assertThat(LatencySketches.quantile(sketch, q)).isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(1.0));
    }
  }

  @Test
  void exportedBinKeyKHoldsValuesUpToGammaToTheK() {
    DDSketch sketch = LatencySketches.newSketch();
    sketch.accept(100.0);
    int k = LatencySketches.version(SampleWindows.version("t", "0").document(), sketch, 0).binKeys()[0];
    assertThat(Math.pow(LatencySketches.GAMMA, k - 1)).isLessThanOrEqualTo(100.0);
    assertThat(Math.pow(LatencySketches.GAMMA, k)).isGreaterThan(100.0);
    double representative = 2 * Math.pow(LatencySketches.GAMMA, k) / (LatencySketches.GAMMA + 1);
    assertThat(representative).isCloseTo(100.0, org.assertj.core.data.Percentage.withPercentage(1.0));
  }

  @Test
  void storeIsBoundedWhateverTheSpread() {
    DDSketch sketch = LatencySketches.newSketch();
    for (double v = 1e-6; v < 1e12; v *= 1.01) {
      sketch.accept(v);
    }
    assertThat(bins(sketch)).hasSizeLessThanOrEqualTo(LatencySketches.MAX_BINS);
  }

  @Test
  void rejectsSketchesWithAnotherMapping() {
    DDSketch other = DDSketches.unboundedDense(0.02);
    other.accept(5);
    byte[] bytes = LatencySketches.serialize(other);
    assertThatThrownBy(() -> LatencySketches.deserialize(bytes)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma");
    assertThatThrownBy(() -> LatencySketches.deserialize(new byte[] {10, 50, 1})).isInstanceOf(IllegalArgumentException.class);
  }

  /** Bin index to count of the positive store. */
  private static Map<Integer, Long> bins(DDSketch sketch) {
    Map<Integer, Long> bins = new java.util.TreeMap<>();
    sketch.getPositiveValueStore().forEach((index, count) -> bins.put(index, Math.round(count)));
    return bins;
  }

  @Test
  void sparseSketchesAreWrittenAsABinMapAndReadBackExactly() {
    DDSketch sparse = LatencySketches.newSketch();
    for (double v : new double[] {0.2, 3, 3, 40, 5_000, 0}) {
      sparse.accept(v);
    }
    byte[] bytes = LatencySketches.serialize(sparse);
    DDSketch back = LatencySketches.deserialize(bytes);
    assertThat(bins(back)).isEqualTo(bins(sparse));
    assertThat(LatencySketches.zeroCount(back)).isEqualTo(1);
    assertThat(back.getCount()).isEqualTo(6.0);
    assertThat(bytes.length).as("map form: ~13 bytes per bin, not 8 per bin of the range").isLessThan(100);
    ByteBuffer dense = sparse.serialize();
    assertThat(dense.remaining()).as("sketches-java's contiguous form").isGreaterThan(10 * bytes.length);
    DDSketch fromSketchesJava = LatencySketches.deserialize(Arrays.copyOfRange(dense.array(), dense.position(), dense.limit()));
    assertThat(bins(fromSketchesJava)).isEqualTo(bins(sparse));
  }
}
