package fr.novaevo.workstation.core.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import fr.novaevo.workstation.core.error.WorkstationException;

/**
 * Secrets encrypted with AES-256-GCM in {@code secrets.properties} inside the data folder; the key is a
 * random 256-bit file kept apart, in the user's configuration folder, readable by the user only.
 *
 * <p>Why apart: a copy of the data folder or of a backup does not carry the means to read the secrets. This
 * is not a defence against malware running as the same user (nothing in a Java process is); see
 * docs/decisions/0004-secrets.md.
 */
public final class EncryptedFileSecretStore implements SecretStore {

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path storeFile;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();

    public EncryptedFileSecretStore(Path storeFile, Path keyFile) {
        this.storeFile = storeFile;
        this.keyFile = keyFile;
    }

    @Override
    public synchronized void put(String name, char[] value) {
        Properties stored = load();
        byte[] plain = toBytes(value);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(true), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            stored.setProperty(name, Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new WorkstationException("SECRET-WRITE", "cannot encrypt the secret " + name, e, name);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        save(stored);
    }

    @Override
    public synchronized Optional<char[]> get(String name) {
        String sealed = load().getProperty(name);
        if (sealed == null) {
            return Optional.empty();
        }
        byte[] plain = null;
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(false), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            char[] value = new char[chars.remaining()];
            chars.get(value);
            return Optional.of(value);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Another machine's key, or a damaged file: the user must enter the secret again.
            throw new WorkstationException("SECRET-UNREADABLE", "the stored secret " + name
                    + " cannot be decrypted on this machine; enter it again", e, name);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    @Override
    public synchronized boolean contains(String name) {
        return load().containsKey(name);
    }

    @Override
    public synchronized void remove(String name) {
        Properties stored = load();
        if (stored.remove(name) != null) {
            save(stored);
        }
    }

    private SecretKeySpec key(boolean createIfMissing) throws GeneralSecurityException {
        try {
            if (!Files.exists(keyFile)) {
                if (!createIfMissing) {
                    throw new GeneralSecurityException("no key file " + keyFile);
                }
                byte[] fresh = new byte[KEY_BYTES];
                random.nextBytes(fresh);
                writePrivate(keyFile, fresh);
            }
            byte[] bytes = Files.readAllBytes(keyFile);
            if (bytes.length != KEY_BYTES) {
                throw new GeneralSecurityException("key file has the wrong size");
            }
            return new SecretKeySpec(bytes, "AES");
        } catch (IOException e) {
            throw new WorkstationException("SECRET-KEY", "cannot read or create the key file " + keyFile, e, keyFile);
        }
    }

    private Properties load() {
        Properties stored = new Properties();
        if (Files.exists(storeFile)) {
            try (InputStream in = Files.newInputStream(storeFile)) {
                stored.load(in);
            } catch (IOException e) {
                throw new WorkstationException("SECRET-READ", "cannot read " + storeFile, e, storeFile);
            }
        }
        return stored;
    }

    private void save(Properties stored) {
        try {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            try (OutputStream out = buffer) {
                stored.store(out, "NovaEvo workstation secrets, AES-256-GCM; the key is not in this folder");
            }
            writePrivate(storeFile, buffer.toByteArray());
        } catch (IOException e) {
            throw new WorkstationException("SECRET-WRITE", "cannot write " + storeFile, e, storeFile);
        }
    }

    /** Writes a file only its owner can read, through a temporary file and an atomic rename. */
    private static void writePrivate(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial);
        }
        Files.write(partial, content);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] toBytes(char[] value) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
