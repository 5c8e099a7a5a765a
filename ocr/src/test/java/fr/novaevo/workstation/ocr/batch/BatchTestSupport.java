package fr.novaevo.workstation.ocr.batch;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.ocr.QuietJob;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.SchemaModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A real H2 file database with the ocr schema, corpus files, and readers of the exports. */
final class BatchTestSupport {

    static final List<SchemaModule> MODULES = List.of(new SchemaModule("core"), BatchStore.SCHEMA);
    static final ObjectMapper JSON = new ObjectMapper();

    static final JobContext QUIET = QuietJob.INSTANCE;

    private BatchTestSupport() {
    }

    static Database open(Path dataDir, Clock clock) {
        return Database.open(DataLayout.at(dataDir), MODULES, clock);
    }

    /** The born-digital Kbis extracts of the shared corpus (quick: a text layer, no OCR). */
    static List<Path> bornDigitalCorpus() throws IOException {
        Path corpus = null;
        for (String base : new String[] {"../../shared/corpus/kbis", "../shared/corpus/kbis"}) {
            Path p = Path.of(base).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                corpus = p;
                break;
            }
        }
        assertThat(corpus).as("the shared Kbis corpus beside the repository").isNotNull();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> metas = Files.list(corpus)) {
            for (Path meta : metas.filter(p -> p.getFileName().toString().endsWith(".meta.json")).sorted().toList()) {
                JsonNode m = JSON.readTree(meta.toFile());
                if (m.path("rendering").asText().equals("born-digital")) {
                    found.add(corpus.resolve(m.path("file").asText()));
                }
            }
        }
        assertThat(found).isNotEmpty();
        return found;
    }

    /** {@code count} born-digital extracts copied into {@code folder} under distinct names. */
    static List<Path> copies(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        List<Path> sources = bornDigitalCorpus();
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path target = folder.resolve(String.format("doc-%03d.pdf", i));
            Files.copy(sources.get(i % sources.size()), target, StandardCopyOption.REPLACE_EXISTING);
            made.add(target);
        }
        return made;
    }

    static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** The first column ("Fichier") of every data row of the workbook's first sheet. */
    static List<String> excelFiles(Path workbook) throws IOException {
        List<String> files = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet documents = book.getSheet("Documents");
            for (Row row : documents) {
                if (row.getRowNum() > 0) {
                    files.add(row.getCell(0).getStringCellValue());
                }
            }
        }
        return files;
    }
}
