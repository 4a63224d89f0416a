package com.pulse.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.app.port.HeldDigestStore;
import com.pulse.domain.notify.DigestEmail;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHeldDigestStoreTest {
  @TempDir
  Path dir;

  private static DigestEmail digest(int hour) {
    return new DigestEmail("ana@example.com", "s" + hour, "text", "<p>html</p>", List.of(),
        Instant.parse("2026-11-20T00:00:00Z").plusSeconds(3600L * hour));
  }

  @Test
  void heldDigestsSurviveANewInstanceKeepTheNewestAndCanBeCleared() {
    List<DigestEmail> six = new ArrayList<>();
    for (int h = 0; h < 6; h++) {
      six.add(digest(h));
    }
    new FileHeldDigestStore(dir).hold("ana@example.com", six);

    List<DigestEmail> held = new FileHeldDigestStore(dir).held("ana@example.com");
    assertThat(held).hasSize(HeldDigestStore.MAX_HELD_PER_RECIPIENT);
    assertThat(held).extracting(DigestEmail::subject).containsExactly("s2", "s3", "s4", "s5");
    assertThat(new FileHeldDigestStore(dir).held("bo@example.com")).isEmpty();

    new FileHeldDigestStore(dir).hold("ana@example.com", List.of());
    assertThat(new FileHeldDigestStore(dir).held("ana@example.com")).isEmpty();
  }
}
