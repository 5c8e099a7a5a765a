package fr.novaevo.workstation.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

    /** Every bundle of {@link I18n#BUNDLES} present in this build, French file then English file. */
    private static java.util.List<String[]> bundleFiles() {
        return I18n.BUNDLES.stream()
                .map(name -> "/" + name.replace('.', '/'))
                .filter(path -> I18n.class.getResource(path + ".properties") != null)
                .map(path -> new String[] {path + ".properties", path + "_en.properties"})
                .toList();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing bundle file " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(bundleFiles()).isNotEmpty();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String[] files : bundleFiles()) {
            Properties french = load(files[0]);
            Properties english = load(files[1]);
            assertThat(french.stringPropertyNames()).as(files[0]).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : french.stringPropertyNames()) {
                assertThat(seen.add(key)).as("key " + key + " defined in two bundles").isTrue();
            }
        }
    }

    @Test
    void patternsWithArgumentsKeepTheirApostrophes() throws IOException {
        Pattern argument = Pattern.compile("\\{\\d");
        for (String file : bundleFiles().stream().flatMap(java.util.Arrays::stream).toList()) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                String pattern = texts.getProperty(key);
                if (argument.matcher(pattern).find()) {
                    String formatted = new MessageFormat(pattern).format(new Object[] {2, 2, 2});
                    long quotesIn = pattern.replace("''", "'").chars().filter(c -> c == '\'').count();
                    long quotesOut = formatted.chars().filter(c -> c == '\'').count();
                    assertThat(quotesOut).as(file + " " + key + ": a single ' swallows text in MessageFormat; write ''")
                            .isEqualTo(quotesIn);
                }
            }
        }
    }

    @Test
    void frenchIsTheDefaultEvenOnAnEnglishSystem() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.US);
            assertThat(new I18n("fr", ZoneId.of("Europe/Paris")).t("nav.settings")).isEqualTo("Paramètres");
            assertThat(new I18n("en", ZoneId.of("Europe/Paris")).t("nav.settings")).isEqualTo("Settings");
            assertThat(new I18n("xx", ZoneId.of("Europe/Paris")).language()).isEqualTo("fr");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void frenchFormatsForDatesNumbersAndSizes() {
        I18n fr = new I18n("fr", ZoneId.of("Europe/Paris"));
        assertThat(fr.dateTime(java.time.Instant.parse("2026-11-21T08:05:09Z"))).isEqualTo("21/11/2026 09:05:09");
        assertThat(fr.number(1234.5, 1)).isEqualTo("1\u202f234,5");
        assertThat(fr.size(1_572_864)).isEqualTo("1,5 Mo");
        assertThat(fr.t("status.jobs.running", 3)).isEqualTo("3 tâches en cours");
        assertThat(fr.t("status.jobs.running", 1)).isEqualTo("1 tâche en cours");
        assertThat(fr.duration(java.time.Duration.ofSeconds(3725))).isEqualTo("1 h 02 min");
        I18n en = new I18n("en", ZoneId.of("Europe/Paris"));
        assertThat(en.number(1234.5, 1)).isEqualTo("1,234.5");
    }
}
