package fr.novaevo.workstation.sync.client;

import fr.novaevo.workstation.sync.model.FeedbackRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs the recent logs for "Signaler un problème": secrets removed (the API key and refresh token from the
 * credential store, any bearer token or token field), zipped, and cut to the most recent part of each file
 * so that the ZIP stays under the platform's 5,000,000-byte limit.
 */
public final class FeedbackPackager {

    private static final Pattern BEARER = Pattern.compile("(?i)Bearer\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern TOKEN_FIELD = Pattern.compile(
            "(?i)(\"?(?:apiKey|api_key|accessToken|refreshToken|password)\"?\\s*[:=]\\s*\"?)[^\"\\s,}]+");

    private final CredentialStore credentials;
    private final UnaryOperator<String> personalData;
    private final int maxZipBytes;

    public FeedbackPackager(CredentialStore credentials) {
        this(credentials, UnaryOperator.identity());
    }

    /**
     * @param personalData the application's own masking of personal data (e-mails, phones, VINs, plates), applied
     *                     after the secrets are removed
     */
    public FeedbackPackager(CredentialStore credentials, UnaryOperator<String> personalData) {
        this(credentials, personalData, FeedbackRequest.MAX_ATTACHMENT_BYTES);
    }

    FeedbackPackager(CredentialStore credentials, int maxZipBytes) {
        this(credentials, UnaryOperator.identity(), maxZipBytes);
    }

    private FeedbackPackager(CredentialStore credentials, UnaryOperator<String> personalData, int maxZipBytes) {
        this.credentials = credentials;
        this.personalData = personalData;
        this.maxZipBytes = maxZipBytes;
    }

    /** Removes every secret this workstation knows of, and anything shaped like a token. */
    public String redact(String text) {
        String out = text;
        for (String secret : List.of(credentials.apiKey().orElse(""), credentials.refreshToken().orElse(""))) {
            if (secret.length() >= 6) {
                out = out.replace(secret, "***");
            }
        }
        out = BEARER.matcher(out).replaceAll("Bearer ***");
        return personalData.apply(TOKEN_FIELD.matcher(out).replaceAll("$1***"));
    }

    /** The logs as a base64 ZIP for {@link FeedbackRequest#attachmentZipBase64()}. */
    public String zipBase64(List<Path> logFiles) {
        try {
            List<String> contents = new java.util.ArrayList<>();
            for (Path file : logFiles) {
                contents.add(redact(Files.readString(file, StandardCharsets.UTF_8)));
            }
            long keep = Long.MAX_VALUE;
            while (true) {
                byte[] zip = zip(logFiles, contents, keep);
                if (zip.length <= maxZipBytes) {
                    return Base64.getEncoder().encodeToString(zip);
                }
                long longest = contents.stream().mapToLong(String::length).max().orElse(0);
                keep = Math.min(keep, longest) / 2;
                if (keep == 0) {
                    throw new IllegalStateException("even empty logs do not fit in " + maxZipBytes + " bytes");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the logs to attach", e);
        }
    }

    /** Each file cut to its last {@code keep} characters: the most recent lines matter most. */
    private static byte[] zip(List<Path> files, List<String> contents, long keep) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < files.size(); i++) {
                String text = contents.get(i);
                if (text.length() > keep) {
                    text = "[...]\n" + text.substring(text.length() - (int) keep);
                }
                zip.putNextEntry(new ZipEntry(files.get(i).getFileName().toString()));
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
