package workshop.runner;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tells when the learner saved a .java file in the room. {@link WatchService} wakes it at once where
 * the system reports changes (Linux, Windows); a snapshot of every file's size and time, compared every
 * quarter second, catches what a WatchService reports late or never (macOS polls, network drives).
 * A burst of events (an editor writes a backup, then the file, then renames) becomes one change.
 */
final class RoomWatcher implements AutoCloseable {
    /** How often the snapshot is compared when nothing woke the watcher. */
    static final long POLL_MILLIS = 250;
    /** Quiet time that ends a burst of events. */
    static final long SETTLE_MILLIS = 60;

    /**
     * A file's size and time of last change: enough to tell that an editor saved it.
     *
     * @param size bytes
     * @param modified last change, in milliseconds
     */
    record Stamp(long size, long modified) {
    }

    private final Path room;
    private final Runnable onChange;
    private final WatchService watcher;
    private final Set<Path> registered = new HashSet<>();
    private final Thread thread;
    private volatile boolean closed;

    RoomWatcher(Path room, Runnable onChange) throws IOException {
        this.room = room;
        this.onChange = onChange;
        this.watcher = room.getFileSystem().newWatchService();
        this.thread = Thread.ofPlatform().daemon().name("room-watcher").unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /** Every .java file under the room with its stamp, in path order; files that vanish meanwhile are left out. */
    static Map<Path, Stamp> snapshot(Path room) {
        Map<Path, Stamp> stamps = new TreeMap<>();
        if (!Files.isDirectory(room)) {
            return stamps;
        }
        try (Stream<Path> walk = Files.walk(room)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".java")).forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        stamps.put(room.relativize(p), new Stamp(a.size(), a.lastModifiedTime().toMillis()));
                    }
                } catch (IOException gone) {
                    // deleted between the walk and the read: it is not there
                }
            });
        } catch (IOException | RuntimeException e) {
            // a folder removed during the walk: the next snapshot sees the result
        }
        return stamps;
    }

    /** True when a watch event names a .java file: an editor that saved without changing size or time still counts. */
    static boolean namesJavaFile(WatchEvent<?> event) {
        return event.context() instanceof Path p && p.getFileName().toString().endsWith(".java");
    }

    private void loop() {
        Map<Path, Stamp> last = snapshot(room);
        registerFolders();
        while (!closed) {
            try {
                boolean saved = drain(watcher.poll(POLL_MILLIS, TimeUnit.MILLISECONDS));
                Map<Path, Stamp> now = snapshot(room);
                if (!saved && now.equals(last)) {
                    continue;
                }
                // Settle: wait until neither events nor stamps move for a moment (a second at most).
                for (int i = 0; i < 16 && (drain(watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) || !now.equals(snapshot(room))); i++) {
                    now = snapshot(room);
                }
                last = now;
                registerFolders();
                onChange.run();
            } catch (InterruptedException | RuntimeException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Handles a woken key: true when it reported a .java file. */
    private boolean drain(WatchKey key) {
        if (key == null) {
            return false;
        }
        boolean java = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            java |= namesJavaFile(event);
        }
        key.reset();
        registerFolders(); // a new package folder is watched from now on
        return java;
    }

    private void registerFolders() {
        if (!Files.isDirectory(room)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(room)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                if (registered.add(dir)) {
                    dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder that vanished: the snapshot still tells what changed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        watcher.close();
    }
}
