package fr.novaevo.workstation.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import fr.novaevo.workstation.core.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {

    @TempDir
    Path data;

    /** Records what later launches asked for. */
    static final class RecordingHandler implements InstanceHandler {
        final List<List<String>> activations = new CopyOnWriteArrayList<>();

        @Override
        public Optional<String> activate(List<String> arguments) {
            activations.add(arguments);
            return Optional.empty();
        }

        @Override
        public int runCommand(List<String> arguments, Path workingDirectory, PrintWriter out, PrintWriter err) {
            out.println("ran " + String.join(" ", arguments) + " in " + workingDirectory.getFileName());
            out.print("x".repeat(40_000)); // more than one frame
            out.println();
            err.println("a warning");
            return 7;
        }
    }

    @Test
    void theFirstLaunchOwnsTheFolderAndASecondHandsOverItsArguments() throws IOException {
        try (SingleInstance.Owner owner = (SingleInstance.Owner) SingleInstance.claim(data)) {
            RecordingHandler handler = new RecordingHandler();
            owner.serve(handler);

            SingleInstance.Claim second = SingleInstance.claim(data);
            assertThat(second).isInstanceOf(SingleInstance.Remote.class);
            assertThat(((SingleInstance.Remote) second).activate(List.of("--lang", "en"))).isEmpty();
            assertThat(handler.activations).containsExactly(List.of("--lang", "en"));

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = ((SingleInstance.Remote) second).runCommand(List.of("data", "backup"), data,
                    new PrintWriter(out), new PrintWriter(err));
            assertThat(exit).isEqualTo(7);
            assertThat(out.toString()).startsWith("ran data backup in " + data.getFileName()).contains("x".repeat(40_000));
            assertThat(err.toString()).isEqualTo("a warning" + System.lineSeparator());
        }
        assertThat(SingleInstance.claim(data)).as("released on close").isInstanceOf(SingleInstance.Owner.class);
    }

    @Test
    void anotherProcessOwningTheFolderIsFoundAndAnswers() throws Exception {
        try (ChildJvm owner = ChildJvm.start(InstanceOwnerProcess.class, data.toString())) {
            owner.awaitLine("SERVING", Duration.ofSeconds(60));
            SingleInstance.Claim claim = SingleInstance.claim(data);
            assertThat(claim).isInstanceOf(SingleInstance.Remote.class);
            assertThat(((SingleInstance.Remote) claim).activate(List.of())).isEmpty();
            owner.awaitLine("ACTIVATED", Duration.ofSeconds(30));
        }
    }

    @Test
    void aCrashedOwnersLeftoversDoNotBlockTheNextLaunch() throws Exception {
        try (ChildJvm owner = ChildJvm.start(InstanceOwnerProcess.class, data.toString())) {
            owner.awaitLine("SERVING", Duration.ofSeconds(60));
            owner.kill(); // no cleanup: the socket file stays behind
        }
        try (SingleInstance.Owner owner = (SingleInstance.Owner) SingleInstance.claim(data)) {
            owner.serve(new RecordingHandler());
            assertThat(SingleInstance.claim(data)).isInstanceOf(SingleInstance.Remote.class);
        }
    }

    @Test
    void aVeryDeepDataFolderGetsItsSocketInTheTemporaryFolder() {
        Path deep = data.resolve("a".repeat(60)).resolve("b".repeat(60));
        assertThat(SingleInstance.socketPath(deep).getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(SingleInstance.socketPath(data)).isEqualTo(data.toAbsolutePath().resolve("instance.sock"));
    }
}
