package fr.novaevo.workstation.app.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.app.MainRunner;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workstation docs batch} through the real entry point, on born-digital extracts of the shared corpus. */
class DocsBatchCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", root.resolve("data").toString(),
                "--config-dir", root.resolve("config").toString()));
        all.addAll(List.of(args));
        int exit = MainRunner.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** {@code count} born-digital Kbis extracts of the corpus, copied into {@code folder}. */
    private static List<Path> extracts(Path folder, int count) throws IOException {
        Path corpus = Stream.of("../../shared/corpus/kbis", "../shared/corpus/kbis").map(p -> Path.of(p).toAbsolutePath())
                .filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no shared Kbis corpus"));
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> metas = Files.list(corpus)) {
            for (Path meta : metas.filter(p -> p.toString().endsWith(".meta.json")).sorted().toList()) {
                JsonNode m = JSON.readTree(meta.toFile());
                if (m.path("rendering").asText().equals("born-digital")) {
                    sources.add(corpus.resolve(m.path("file").asText()));
                }
            }
        }
        Files.createDirectories(folder);
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            copies.add(Files.copy(sources.get(i % sources.size()), folder.resolve("kbis-" + i + ".pdf")));
        }
        return copies;
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<String> excelFiles(Path workbook) throws IOException {
        List<String> files = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (Row row : book.getSheet("Documents")) {
                if (row.getRowNum() > 0) {
                    files.add(row.getCell(0).getStringCellValue() + "|" + row.getCell(1).getStringCellValue());
                }
            }
        }
        return files;
    }

    private static Optional<JsonNode> line(List<JsonNode> lines, String name) {
        return lines.stream().filter(l -> Path.of(l.get("file").asText()).getFileName().toString().equals(name)).findFirst();
    }

    @Test
    void aBatchOfFilesAndFoldersWritesBothOutputsWithOneRowPerInput() throws Exception {
        List<Path> folder = extracts(root.resolve("in/folder"), 3);
        Path single = extracts(root.resolve("in/single"), 1).getFirst();
        Path xlsx = root.resolve("out/results.xlsx");
        Path jsonl = root.resolve("out/results.jsonl");
        Files.createDirectories(xlsx.getParent());

        Result result = run("docs", "batch", root.resolve("in/folder").toString(), single.toString(),
                "--out", xlsx.toString(), "--jsonl", jsonl.toString(), "--workers", "2", "--priority", "3");

        assertThat(result.exit()).as(result.err()).isZero();
        // corpus extracts are older than 3 months: ok or needs_review (KBIS-OUTDATED), never error
        assertThat(result.out()).containsPattern("4 documents: \\d ok, \\d needs_review, 0 error");
        List<JsonNode> lines = jsonLines(jsonl);
        assertThat(lines).hasSize(4).allSatisfy(l -> {
            assertThat(l.get("status").asText()).isIn("ok", "needs_review");
            assertThat(l.get("document_type").asText()).isEqualTo("kbis");
            assertThat(l.at("/fields/siren").asText()).matches("\\d{9}");
            assertThat(l.has("confidence")).isTrue();
            assertThat(l.get("errors").isArray()).isTrue();
        });
        List<String> expected = new ArrayList<>(folder.stream().map(Path::toString).toList());
        expected.add(single.toString());
        assertThat(lines).extracting(l -> l.get("file").asText()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(excelFiles(xlsx)).hasSize(4).extracting(s -> s.substring(0, s.indexOf('|')))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.err()).contains("4/4");
        try (Stream<Path> out = Files.list(xlsx.getParent())) {
            assertThat(out.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("results.xlsx", "results.jsonl");
        }
        assertThat(run("audit", "list", "--action", "docs.").out()).as("the export is journaled")
                .contains("docs.export.written").contains("results.xlsx").contains("4 documents");
    }

    @Test
    void aBadFileGetsStatusErrorAndTheCommandStillSucceeds() throws Exception {
        Path good = extracts(root.resolve("in"), 1).getFirst();
        Path bad = Files.writeString(root.resolve("in/scan.pdf"), "this is not a PDF at all");
        Path xlsx = root.resolve("results.xlsx");
        Path jsonl = root.resolve("results.jsonl");

        Result result = run("docs", "batch", good.toString(), bad.toString(), "--out", xlsx.toString(),
                "--jsonl", jsonl.toString(), "--workers", "1");

        assertThat(result.exit()).as(result.err()).isZero();
        List<JsonNode> lines = jsonLines(jsonl);
        assertThat(lines).hasSize(2);
        JsonNode error = line(lines, "scan.pdf").orElseThrow();
        assertThat(error.get("status").asText()).isEqualTo("error");
        assertThat(error.at("/errors/0/code").asText()).startsWith("OCR-");
        assertThat(error.at("/errors/0/message").asText()).isNotBlank();
        assertThat(line(lines, good.getFileName().toString()).orElseThrow().get("status").asText())
                .isIn("ok", "needs_review");
        assertThat(excelFiles(xlsx)).hasSize(2).anySatisfy(row -> assertThat(row).startsWith(bad.toString()));
    }

    @Test
    void anOutputThatCannotBeWrittenFailsWithExitOneAndOneLine() throws Exception {
        Path good = extracts(root.resolve("in"), 1).getFirst();
        Path notAFolder = Files.writeString(root.resolve("plain-file"), "x");

        Result result = run("docs", "batch", good.toString(), "--out", notAFolder.resolve("results.xlsx").toString());

        assertThat(result.exit()).as(result.out()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("workstation: [EXPORT-WRITE-FAILED]").doesNotContain("\n");
        assertThat(notAFolder).hasContent("x");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        Path good = extracts(root.resolve("in"), 1).getFirst();
        Path xlsx = root.resolve("results.xlsx");

        assertThat(run("docs", "batch", good.toString(), "--out", xlsx.toString(), "--priority", "11").exit()).isEqualTo(2);
        assertThat(run("docs", "batch", good.toString(), "--out", xlsx.toString(), "--workers", "0").exit()).isEqualTo(2);
        assertThat(run("docs", "batch", good.toString()).exit()).isEqualTo(2);
        assertThat(run("docs", "batch", "--out", xlsx.toString()).exit()).isEqualTo(2);
        Files.createDirectories(root.resolve("empty"));
        Result empty = run("docs", "batch", root.resolve("empty").toString(), "--out", xlsx.toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("no file found");
        assertThat(xlsx).doesNotExist();
    }

    @Test
    void theProgressLineShowsTheBarTheCountAndTheEta() {
        assertThat(ProgressLine.render(12, 48, "doc-012.pdf", Optional.of(java.time.Duration.ofSeconds(42))))
                .isEqualTo("[######------------------] 12/48  25%  ETA 0:42  doc-012.pdf");
        assertThat(ProgressLine.render(0, -1, "", Optional.empty())).isEqualTo("[------------------------] 0/?");

        StringWriter terminal = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(terminal), true);
        line.progress(0, 2, "a.pdf");
        line.finish();
        assertThat(terminal.toString()).startsWith("\r[").endsWith("\n").contains("0/2");
    }
}
