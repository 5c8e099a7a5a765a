package fr.novaevo.workstation.ocr.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** Run in a child JVM: creates an engine, then asks libgomp which thread limit it took. */
public final class OpenMpLimitProbe {

    /** libgomp, already loaded by libtesseract. */
    interface Gomp extends Library {
        int omp_get_thread_limit();
    }

    private OpenMpLimitProbe() {
    }

    public static void main(String[] args) {
        try (TesseractOcrEngine engine = TesseractOcrEngine.withDefaults()) {
            Gomp gomp = Native.load("libgomp.so.1", Gomp.class);
            System.out.println("omp-thread-limit=" + gomp.omp_get_thread_limit());
            System.out.flush();
        }
    }
}
