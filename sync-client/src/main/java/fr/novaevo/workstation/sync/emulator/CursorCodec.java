package fr.novaevo.workstation.sync.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The emulator's opaque cursors: a feed position, the cursor generation and the time it was issued.
 * A cursor from an older generation (see {@link PlatformState#expireCursors()}) or older than the TTL is
 * expired.
 */
final class CursorCodec {

    record Cursor(long generation, long seq, Instant issuedAt) {
    }

    private CursorCodec() {
    }

    static String encode(Cursor cursor) {
        String raw = "v1:" + cursor.generation() + ":" + cursor.seq() + ":" + cursor.issuedAt().getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor decode(String value) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":");
            if (parts.length != 4 || !parts[0].equals("v1")) {
                throw new ApiProblem(400, "invalid_cursor", "malformed cursor");
            }
            long seq = Long.parseLong(parts[2]);
            if (seq < 0) {
                throw new ApiProblem(400, "invalid_cursor", "malformed cursor");
            }
            return new Cursor(Long.parseLong(parts[1]), seq, Instant.ofEpochSecond(Long.parseLong(parts[3])));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "invalid_cursor", "malformed cursor");
        }
    }
}
