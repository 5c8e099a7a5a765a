package fr.novaevo.workstation.ocr.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract's OpenMP threads make it many times slower when several workers share the cores. OpenMP reads
 * {@code OMP_THREAD_LIMIT} once, when libgomp is loaded with libtesseract: setting it in this process's
 * environment just before that load makes the limit apply whatever launched the JVM (a launcher, an IDE).
 * A value already set by the user is left alone.
 */
final class OpenMpThreadLimit {

    private static final Logger LOG = LoggerFactory.getLogger(OpenMpThreadLimit.class);
    static final String VARIABLE = "OMP_THREAD_LIMIT";

    /** The C library's environment functions. */
    interface LibC extends Library {
        String getenv(String name);

        int setenv(String name, String value, int overwrite);
    }

    private OpenMpThreadLimit() {
    }

    /** Call before libtesseract is first loaded; later calls have no effect on OpenMP. */
    static void applyBeforeLoading(int threads) {
        if (Platform.isWindows()) {
            LOG.debug("{} is left to the launcher on Windows", VARIABLE);
            return;
        }
        try {
            LibC libc = Native.load("c", LibC.class);
            String current = libc.getenv(VARIABLE);
            if (current == null) {
                if (libc.setenv(VARIABLE, Integer.toString(threads), 0) != 0) {
                    LOG.warn("could not set {}: Tesseract may start one thread per core", VARIABLE);
                }
            } else {
                LOG.debug("{}={} set by the launcher", VARIABLE, current);
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.warn("could not set {}: Tesseract may start one thread per core", VARIABLE, e);
        }
    }
}
