package workshop.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * A fresh class loader for one run: the learner's just-compiled classes first, then the module's given
 * classes and its tests, all loaded anew, so that nothing a run leaves in a static field reaches the next
 * run. It looks in its own folders first ("child first") because the worker's class path holds the same
 * folders, with the build's copy of the learner's classes; JUnit, AssertJ, Awaitility and the runner
 * itself come from the worker's class path and stay loaded (and warm) across runs.
 */
final class RunLoader extends URLClassLoader {
    /** The loader's name, which stack frames of its classes carry. */
    static final String NAME = "kit-run";

    static {
        registerAsParallelCapable();
    }

    RunLoader(List<Path> folders, ClassLoader parent) {
        super(NAME, urls(folders), parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && ownsName(name)) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInTheseFolders) {
                    loaded = null;
                }
            }
            if (loaded == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    /** The JDK's classes and the runner's own always come from the parent. */
    static boolean ownsName(String name) {
        return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || name.startsWith("com.sun.") || name.startsWith("workshop.runner."));
    }

    private static URL[] urls(List<Path> folders) {
        return folders.stream().map(folder -> {
            try {
                return folder.toUri().toURL();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toArray(URL[]::new);
    }
}
