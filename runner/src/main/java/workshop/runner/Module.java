package workshop.runner;

import java.nio.file.Path;

/**
 * Where a learner module's parts are, as Maven names them for the runner (the root pom passes them).
 *
 * @param kit the kit's root folder
 * @param dir the module's folder
 * @param room the learner's files ({@code src/exercise/java}, or the finished ones with {@code -Psolutions})
 * @param classes the build's main classes (given code, copied code, and the build's copy of the learner's)
 * @param testClasses the build's test classes
 * @param state the runner's own folder under {@code target/}: results, hints seen, the worker's log
 */
record Module(Path kit, Path dir, Path room, Path classes, Path testClasses, Path state) {
    /** The module's name: its folder's. */
    String name() {
        return dir.getFileName().toString();
    }
}
