package fr.novaevo.workstation.app.ui.about;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled libraries and their licences, as listed at build time by the license-maven-plugin from each
 * library's own POM ({@code third-party-licences.txt} in the jar).
 */
public final class Licences {

    /** One library: its name, Maven coordinates and version, and its licence(s). */
    public record Library(String name, String coordinates, String version, String licences) {
    }

    /** Written at the jar's root by the license-maven-plugin (which adds its output folder to the resources). */
    static final String RESOURCE = "/third-party-licences.txt";
    // "     (Apache 2) (LGPL) Name of lib (group:artifact:version - http://url)"
    private static final Pattern LINE = Pattern.compile("^\\s*((?:\\([^()]*(?:\\([^()]*\\))?[^()]*\\)\\s*)+)(\\S.*?) \\(([^:\\s]+:[^:\\s]+):([^\\s]+) - .*\\)\\s*$");
    private static final Pattern LICENCE = Pattern.compile("\\(([^()]*(?:\\([^()]*\\))?[^()]*)\\)");

    private Licences() {
    }

    public static List<Library> bundled() {
        try (InputStream in = Licences.class.getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : parse(in);
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<Library> parse(InputStream in) throws IOException {
        List<Library> libraries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                List<String> licences = new ArrayList<>();
                Matcher licence = LICENCE.matcher(m.group(1));
                while (licence.find()) {
                    licences.add(licence.group(1).strip());
                }
                libraries.add(new Library(m.group(2).strip(), m.group(3), m.group(4), String.join(" / ", licences)));
            }
        }
        libraries.sort(java.util.Comparator.comparing(l -> l.name().toLowerCase(java.util.Locale.ROOT)));
        return libraries;
    }
}
