package fr.novaevo.workstation.ocr.document;

import java.util.Optional;

/** The document formats read, recognised from their first bytes (never from the file name). */
public enum MediaType {
    PDF,
    PNG,
    JPEG,
    TIFF;

    /** How many leading bytes {@link #sniff(byte[])} looks at, at most. */
    public static final int SNIFF_LENGTH = 1024;

    /**
     * Recognises the format from the start of a file. PDF readers accept a header after some leading
     * garbage (up to 1 KiB), so the PDF marker is searched for within {@link #SNIFF_LENGTH} bytes.
     */
    public static Optional<MediaType> sniff(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 'I', 'I', 0x2A, 0x00) || startsWith(head, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of(TIFF);
        }
        if (indexOf(head, new byte[] {'%', 'P', 'D', 'F', '-'}, Math.min(head.length, SNIFF_LENGTH)) >= 0) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] needle, int limit) {
        outer:
        for (int i = 0; i + needle.length <= limit; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
