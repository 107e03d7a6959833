package dev.vcportfolio.core.optimize;

import com.google.ortools.Loader;

/** Loads the OR-Tools JNI library once per class loader; later calls are free. */
final class OrTools {

    private static volatile boolean loaded;

    private OrTools() {}

    static void load() {
        if (!loaded) {
            synchronized (OrTools.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
