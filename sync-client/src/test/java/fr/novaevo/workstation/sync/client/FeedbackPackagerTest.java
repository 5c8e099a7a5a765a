package fr.novaevo.workstation.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.sync.testing.InMemoryCredentials;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackPackagerTest {

    @TempDir
    Path dir;

    private final InMemoryCredentials credentials = new InMemoryCredentials("sk-garage-123-8f3a9c2e71d4");

    private static Map<String, String> unzip(String base64) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void secretsAreRemovedFromTheAttachedLogs() throws Exception {
        credentials.saveRefreshToken("rt_QmFzZTY0VG9rZW5WYWx1ZQ");
        Path log = dir.resolve("workstation.log");
        Files.writeString(log, """
                08:00:01 INFO signed in with key sk-garage-123-8f3a9c2e71d4
                08:00:02 DEBUG Authorization: Bearer at_abc.def-123
                08:00:03 DEBUG body {"refreshToken": "rt_QmFzZTY0VG9rZW5WYWx1ZQ", "garageId": "g-123"}
                08:00:04 DEBUG accessToken=at_zzz999 next
                08:00:05 INFO sync cycle: pushed 3, pulled 12
                """);

        Map<String, String> files = unzip(new FeedbackPackager(credentials).zipBase64(List.of(log)));

        String text = files.get("workstation.log");
        assertThat(text).doesNotContain("sk-garage-123-8f3a9c2e71d4").doesNotContain("rt_QmFzZTY0VG9rZW5WYWx1ZQ")
                .doesNotContain("at_abc.def-123").doesNotContain("at_zzz999");
        assertThat(text).contains("pushed 3, pulled 12").contains("\"garageId\": \"g-123\"").contains("Bearer ***");
    }

    @Test
    void largeLogsAreCutToTheirMostRecentPartToFitTheLimit() throws Exception {
        Path log = dir.resolve("big.log");
        StringBuilder text = new StringBuilder();
        Random random = new Random(1);
        for (int i = 0; i < 40_000; i++) {
            text.append("line ").append(i).append(' ').append(Long.toHexString(random.nextLong())).append('\n');
        }
        text.append("LAST LINE\n");
        Files.writeString(log, text);

        String base64 = new FeedbackPackager(credentials, 100_000).zipBase64(List.of(log));

        assertThat(Base64.getDecoder().decode(base64).length).isLessThanOrEqualTo(100_000);
        String kept = unzip(base64).get("big.log");
        assertThat(kept).startsWith("[...]").endsWith("LAST LINE\n");
        assertThat(kept).doesNotContain("line 0 ");
    }
}
