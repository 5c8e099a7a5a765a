package fr.novaevo.workstation.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import fr.novaevo.workstation.core.error.WorkstationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {

    private static final String API_KEY = "nk_live_4f9a0c2e7b1d";

    @TempDir
    Path dir;

    @Test
    void aSecretComesBackButIsNeverOnDiskInClearText() throws Exception {
        Path store = dir.resolve("data/secrets.properties");
        Path key = dir.resolve("config/secret.key");
        new EncryptedFileSecretStore(store, key).put("platform.apiKey", API_KEY.toCharArray());

        EncryptedFileSecretStore reopened = new EncryptedFileSecretStore(store, key);
        assertThat(reopened.get("platform.apiKey")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo(API_KEY));
        assertThat(reopened.contains("platform.apiKey")).isTrue();
        for (Path file : new Path[] {store, key}) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(API_KEY);
        }
        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(store)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void aCopiedStoreCannotBeReadWithAnotherKey() {
        Path store = dir.resolve("secrets.properties");
        new EncryptedFileSecretStore(store, dir.resolve("a.key")).put("platform.apiKey", API_KEY.toCharArray());
        EncryptedFileSecretStore elsewhere = new EncryptedFileSecretStore(store, dir.resolve("b.key"));
        assertThatThrownBy(() -> elsewhere.get("platform.apiKey"))
                .isInstanceOfSatisfying(WorkstationException.class, e -> assertThat(e.code()).isEqualTo("SECRET-UNREADABLE"))
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void aValueMovedUnderAnotherNameDoesNotDecrypt() throws Exception {
        Path store = dir.resolve("secrets.properties");
        EncryptedFileSecretStore secrets = new EncryptedFileSecretStore(store, dir.resolve("k.key"));
        secrets.put("a", "un".toCharArray());
        String text = Files.readString(store);
        String sealed = text.lines().filter(l -> l.startsWith("a=")).findFirst().orElseThrow().substring(2);
        Files.writeString(store, text + "b=" + sealed + "\n");
        assertThatThrownBy(() -> secrets.get("b")).isInstanceOf(WorkstationException.class);
    }

    @Test
    void removeForgetsTheSecret() {
        EncryptedFileSecretStore secrets = new EncryptedFileSecretStore(dir.resolve("s"), dir.resolve("k"));
        secrets.put("token", "abc".toCharArray());
        secrets.remove("token");
        assertThat(secrets.get("token")).isEmpty();
        assertThat(secrets.contains("token")).isFalse();
    }
}
