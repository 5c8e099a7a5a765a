package fr.novaevo.workstation.app.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicencesTest {

    @Test
    void readsTheLicencePluginsList() throws Exception {
        String text = """

                Lists of 3 third-party dependencies.
                     (Apache-2.0) (EPL-2.0) Core :: HTTP Client (org.eclipse.jetty:jetty-client:12.1.14 - https://jetty.org/jetty-core/jetty-client)
                     (EPL 1.0) (MPL 2.0) H2 Database Engine (com.h2database:h2:2.5.252 - https://h2database.com)
                     (The Apache Software License, Version 2.0) picocli (info.picocli:picocli:4.7.7 - https://picocli.info)
                """;
        List<Licences.Library> libraries = Licences.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(libraries).containsExactly(
                new Licences.Library("Core :: HTTP Client", "org.eclipse.jetty:jetty-client", "12.1.14", "Apache-2.0 / EPL-2.0"),
                new Licences.Library("H2 Database Engine", "com.h2database:h2", "2.5.252", "EPL 1.0 / MPL 2.0"),
                new Licences.Library("picocli", "info.picocli:picocli", "4.7.7", "The Apache Software License, Version 2.0"));
    }

    @Test
    void theBuiltApplicationListsItsLibraries() {
        assertThat(Licences.bundled()).extracting(Licences.Library::coordinates)
                .contains("com.h2database:h2", "org.openjfx:javafx-controls", "info.picocli:picocli");
    }
}
