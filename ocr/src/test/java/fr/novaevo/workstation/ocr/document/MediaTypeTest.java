package fr.novaevo.workstation.ocr.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaTypeTest {

    @Test
    void recognisesEachFormatByItsMagicBytes() {
        assertThat(MediaType.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(MediaType.PDF);
        assertThat(MediaType.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).contains(MediaType.PNG);
        assertThat(MediaType.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).contains(MediaType.JPEG);
        assertThat(MediaType.sniff(bytes('I', 'I', 0x2A, 0x00, 8))).contains(MediaType.TIFF);
        assertThat(MediaType.sniff(bytes('M', 'M', 0x00, 0x2A, 0))).contains(MediaType.TIFF);
    }

    @Test
    void findsAPdfHeaderAfterLeadingGarbageAsPdfReadersDo() {
        assertThat(MediaType.sniff("garbage\r\n%PDF-1.4".getBytes(StandardCharsets.US_ASCII))).contains(MediaType.PDF);
    }

    @Test
    void refusesEverythingElse() {
        assertThat(MediaType.sniff(new byte[0])).isEmpty();
        assertThat(MediaType.sniff("Hello, world".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(MediaType.sniff(bytes(0x89, 'P', 'N'))).isEmpty();
        assertThat(MediaType.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
