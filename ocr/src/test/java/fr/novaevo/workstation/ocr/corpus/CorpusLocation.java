package fr.novaevo.workstation.ocr.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The shared corpus folder beside the repository: {@code ../shared/corpus} from the repository root. */
final class CorpusLocation {

    private CorpusLocation() {
    }

    static Optional<Path> folder(String name) {
        for (String base : new String[] {"../../shared/corpus", "../shared/corpus"}) {
            Path p = Path.of(base, name).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
