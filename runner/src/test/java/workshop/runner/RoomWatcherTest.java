package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("runner")
class RoomWatcherTest {
    @TempDir
    Path room;

    @Test
    @DisplayName("a snapshot sees a .java file saved, added or removed, and nothing else")
    void snapshots() throws Exception {
        Path file = Files.createDirectories(room.resolve("workshop/sync")).resolve("SyncEndpoints.java");
        Files.writeString(file, "class A {}");
        Map<Path, RoomWatcher.Stamp> before = RoomWatcher.snapshot(room);

        Files.writeString(room.resolve("notes.txt"), "not code");
        Files.writeString(file.resolveSibling("SyncEndpoints.java~"), "an editor's backup");
        assertThat(RoomWatcher.snapshot(room)).as("after other files changed").isEqualTo(before);

        Files.writeString(file, "class A { }");
        assertThat(RoomWatcher.snapshot(room)).as("after a save").isNotEqualTo(before);

        Map<Path, RoomWatcher.Stamp> saved = RoomWatcher.snapshot(room);
        Files.writeString(file.resolveSibling("Helper.java"), "class B {}");
        assertThat(RoomWatcher.snapshot(room).keySet()).hasSize(2);
        Files.delete(file.resolveSibling("Helper.java"));
        assertThat(RoomWatcher.snapshot(room)).isEqualTo(saved);
    }

    @Test
    @DisplayName("a save of the same size at the same time still shows in the snapshot when the time moves")
    void sameSizeSave() throws Exception {
        Path file = room.resolve("A.java");
        Files.writeString(file, "class A {}");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        Map<Path, RoomWatcher.Stamp> before = RoomWatcher.snapshot(room);

        Files.writeString(file, "class B {}");
        Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000));

        assertThat(RoomWatcher.snapshot(room)).isNotEqualTo(before);
    }

    @Test
    @DisplayName("the watcher reports a save, in a new package folder too, and stays quiet while nothing changes")
    void watches() throws Exception {
        Files.writeString(room.resolve("A.java"), "class A {}");
        AtomicInteger changes = new AtomicInteger();
        try (RoomWatcher watcher = new RoomWatcher(room, changes::incrementAndGet)) {
            watcher.start();
            await("no change reported while nothing is saved").during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                    .until(() -> changes.get() == 0);

            Files.writeString(room.resolve("A.java"), "class A { int x; }");
            await("the save to be reported").atMost(Duration.ofSeconds(10)).until(() -> changes.get() >= 1);

            int seen = changes.get();
            Path pkg = Files.createDirectories(room.resolve("workshop/extra"));
            Files.writeString(pkg.resolve("B.java"), "class B {}");
            await("a file in a new folder to be reported").atMost(Duration.ofSeconds(10)).until(() -> changes.get() > seen);
        }
    }
}
