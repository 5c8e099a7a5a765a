package fr.novaevo.workstation.ocr.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.ocr.document.ReasonCode;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import fr.novaevo.workstation.ocr.kbis.Officer;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import fr.novaevo.workstation.ocr.result.PlatformVerification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcelExporterTest {

    @TempDir
    Path dir;

    private final ExcelExporter exporter = new ExcelExporter();

    /** Records progress; cancels once {@code cancelAfter} documents were reported, if set. */
    private static final class Job implements JobContext {
        final List<Long> progress = new ArrayList<>();
        final long cancelAfter;

        Job(long cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void progress(long done, long total, String step) {
            progress.add(done);
        }

        @Override
        public boolean isCancelled() {
            return cancelAfter >= 0 && !progress.isEmpty() && progress.getLast() >= cancelAfter;
        }
    }

    private static DocumentResult kbis(String file, String denomination) {
        Map<FieldKey, ExtractedField> f = new EnumMap<>(FieldKey.class);
        f.put(FieldKey.SIREN, new ExtractedField(FieldKey.SIREN, "887297471", 0.97, Optional.empty()));
        f.put(FieldKey.DENOMINATION, new ExtractedField(FieldKey.DENOMINATION, denomination, 0.9, Optional.empty()));
        f.put(FieldKey.CAPITAL_SOCIAL, new ExtractedField(FieldKey.CAPITAL_SOCIAL, "15244.90", 0.95, Optional.empty()));
        f.put(FieldKey.DATE_EXTRAIT, new ExtractedField(FieldKey.DATE_EXTRAIT, "2023-09-22", 0.99, Optional.empty()));
        List<Officer> officers = List.of(
                new Officer.Person(Optional.of("Gérant"), "OLIVIER", "Ludovic", Optional.of(LocalDate.of(1978, 1, 29)),
                        Optional.of("CAMBRAI (59)"), 0.92),
                new Officer.Company(Optional.of("Commissaire aux comptes titulaire"), "DUFOUR AUDIT",
                        Optional.of("713404689"), 0.88));
        return new DocumentResult(Path.of(file), DocumentStatus.NEEDS_REVIEW, DocumentType.KBIS,
                Optional.of(new KbisExtraction(f, officers)),
                List.of(new Issue("KBIS-OUTDATED", "the extract was issued on 2023-09-22, more than 3 months ago")));
    }

    private static DocumentResult error(String file) {
        return DocumentResult.error(Path.of(file), new Issue("OCR-ENCRYPTED", "the PDF is protected by a password"));
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> row(Sheet sheet, int index) {
        List<String> values = new ArrayList<>();
        for (Cell c : sheet.getRow(index)) {
            values.add(c.toString());
        }
        return values;
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void writesDocumentsOfficersAndErrorsWithFrenchHeaders() throws Exception {
        Path xlsx = dir.resolve("resultats.xlsx");
        Job job = new Job(-1);

        exporter.export(List.of(kbis("a.pdf", "L'GALAXIE"), error("b.pdf")).iterator(), 2, xlsx, job);

        try (XSSFWorkbook wb = open(xlsx)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Documents");
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("Dirigeants");
            assertThat(wb.getSheetAt(2).getSheetName()).isEqualTo("Erreurs");
            Sheet docs = wb.getSheet("Documents");
            assertThat(row(docs, 0)).startsWith("Fichier", "Statut", "Type de document", "Personne", "SIREN")
                    .contains("Dénomination", "Date de l'extrait", "TVA intracommunautaire", "Motifs");
            assertThat(docs.getLastRowNum()).isEqualTo(2);
            assertThat(row(docs, 1)).startsWith("a.pdf", "À vérifier", "Kbis");
            assertThat(row(docs, 2)).startsWith("b.pdf", "Erreur", "Inconnu");
            Sheet officers = wb.getSheet("Dirigeants");
            assertThat(officers.getLastRowNum()).isEqualTo(2);
            assertThat(officers.getRow(2).getCell(7).getStringCellValue()).isEqualTo("DUFOUR AUDIT");
            Sheet errors = wb.getSheet("Erreurs");
            assertThat(row(errors, 1)).containsExactly("a.pdf", "À vérifier", "KBIS-OUTDATED",
                    "L'extrait date de plus de 3 mois.");
            assertThat(row(errors, 2)).containsExactly("b.pdf", "Erreur", "OCR-ENCRYPTED",
                    "Le PDF est protégé par un mot de passe.");
        }
        assertThat(job.progress).containsExactly(2L);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void thePlatformsVerificationHasItsColumnsAfterTheOthersAndIsEmptyWithoutIt() throws Exception {
        Path xlsx = dir.resolve("confiance.xlsx");
        DocumentResult verified = kbis("a.pdf", "GARAGE").withVerification(new PlatformVerification("verified", 2,
                List.of(new PlatformVerification.Check("siren_registered", true))));

        exporter.export(List.of(verified, kbis("b.pdf", "AUTRE")).iterator(), 2, xlsx, new Job(-1));

        try (XSSFWorkbook wb = open(xlsx)) {
            Sheet docs = wb.getSheet("Documents");
            List<String> headers = row(docs, 0);
            assertThat(headers.subList(headers.size() - 3, headers.size()))
                    .containsExactly("Motifs", "Vérification plateforme", "Niveau de confiance plateforme");
            int status = headers.size() - 2;
            assertThat(docs.getRow(1).getCell(status).getStringCellValue()).isEqualTo("Vérifié");
            assertThat(docs.getRow(1).getCell(status + 1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(docs.getRow(2).getCell(status).getStringCellValue()).isEmpty();
            assertThat(docs.getRow(2).getCell(status + 1).getStringCellValue()).isEmpty();
        }
    }

    @Test
    void everyReasonTheReaderGivesHasAFrenchMessageAndListsKeepTheirFields() {
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(FrenchReasons.knows(code.code())).as(code.code()).isTrue();
        }
        for (String code : List.of("KBIS-FIELD-MISSING", "KBIS-SIREN-INVALID", "KBIS-RCS-MISMATCH",
                "KBIS-DATE-IMPLAUSIBLE", "KBIS-OUTDATED", "KBIS-STRUCK-OFF", "KBIS-CAPITAL-INVALID",
                "KBIS-OFFICERS-INCONSISTENT", "KBIS-CODE-AMBIGUOUS", "KBIS-LOW-CONFIDENCE", "BATCH-FILE-MISSING",
                "BATCH-TIMEOUT")) {
            assertThat(FrenchReasons.knows(code)).as(code).isTrue();
        }
        assertThat(FrenchReasons.message(new Issue("KBIS-LOW-CONFIDENCE", "fields read with low confidence: siren, greffe")))
                .isEqualTo("Champs lus avec une confiance faible : siren, greffe.");
        assertThat(FrenchReasons.message(new Issue("KBIS-FIELD-MISSING", "no detail")))
                .isEqualTo("Champs non trouvés.");
        assertThat(FrenchReasons.message(new Issue("SOMETHING-NEW", "as it came"))).isEqualTo("as it came");
    }

    @Test
    void storesDatesAsDatesAndTheCapitalAsANumber() throws Exception {
        Path xlsx = dir.resolve("dates.xlsx");
        exporter.export(List.of(kbis("a.pdf", "GARAGE")).iterator(), 1, xlsx, new Job(-1));

        try (XSSFWorkbook wb = open(xlsx)) {
            Row header = wb.getSheet("Documents").getRow(0);
            Row values = wb.getSheet("Documents").getRow(1);
            int dateColumn = columnOf(header, "Date de l'extrait");
            Cell date = values.getCell(dateColumn);
            assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 9, 22));
            Cell capital = values.getCell(columnOf(header, "Capital social"));
            assertThat(capital.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(capital.getNumericCellValue()).isEqualTo(15244.90);
            Cell born = wb.getSheet("Dirigeants").getRow(1).getCell(5);
            assertThat(DateUtil.isCellDateFormatted(born)).isTrue();
        }
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws Exception {
        Path xlsx = dir.resolve("injection.xlsx");
        String hostile = "=HYPERLINK(\"http://evil.example\",\"clic\")";
        exporter.export(List.of(kbis("+33.pdf", hostile)).iterator(), 1, xlsx, new Job(-1));

        try (XSSFWorkbook wb = open(xlsx)) {
            Row header = wb.getSheet("Documents").getRow(0);
            Cell cell = wb.getSheet("Documents").getRow(1).getCell(columnOf(header, "Dénomination"));
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(hostile);
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            Cell file = wb.getSheet("Documents").getRow(1).getCell(0);
            assertThat(file.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void aCancelledExportLeavesThePreviousFileUntouched() throws Exception {
        Path xlsx = dir.resolve("resultats.xlsx");
        Files.writeString(xlsx, "previous export");
        List<DocumentResult> many = IntStream.range(0, 500).mapToObj(i -> kbis("doc" + i + ".pdf", "GARAGE")).toList();

        assertThatThrownBy(() -> exporter.export(many.iterator(), many.size(), xlsx, new Job(100)))
                .isInstanceOf(CancelledException.class);

        assertThat(Files.readString(xlsx)).isEqualTo("previous export");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void streamsManyRowsAndReplacesTheTargetOnlyWhenComplete() throws Exception {
        Path xlsx = dir.resolve("gros.xlsx");
        Files.writeString(xlsx, "previous export");
        int n = 5_000;
        Job job = new Job(-1);

        exporter.export(IntStream.range(0, n).mapToObj(i -> kbis("doc" + i + ".pdf", "GARAGE " + i)).iterator(), n,
                xlsx, job);

        try (XSSFWorkbook wb = open(xlsx)) {
            assertThat(wb.getSheet("Documents").getLastRowNum()).isEqualTo(n);
            assertThat(wb.getSheet("Dirigeants").getLastRowNum()).isEqualTo(2 * n);
            assertThat(wb.getSheet("Documents").getRow(n).getCell(0).getStringCellValue()).isEqualTo("doc4999.pdf");
        }
        assertThat(job.progress.getLast()).isEqualTo(n);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anUnwritableFolderIsATypedError() {
        Path nowhere = dir.resolve("missing-folder").resolve("resultats.xlsx");

        assertThatThrownBy(() -> exporter.export(List.of(error("b.pdf")).iterator(), 1, nowhere, new Job(-1)))
                .isInstanceOfSatisfying(WorkstationException.class,
                        e -> assertThat(e.code()).isEqualTo("EXPORT-WRITE-FAILED"));
    }

    /** openpyxl is what Python users open exports with; checked when the machine has it (python3-openpyxl). */
    @Test
    void opensInOpenpyxl() throws Exception {
        Path xlsx = dir.resolve("openpyxl.xlsx");
        exporter.export(List.of(kbis("a.pdf", "=1+1"), error("b.pdf")).iterator(), 2, xlsx, new Job(-1));
        String script = String.join("\n",
                "import sys",
                "try:",
                "    import openpyxl",
                "except ImportError:",
                "    print('NO-OPENPYXL')",
                "    sys.exit(0)",
                "wb = openpyxl.load_workbook(sys.argv[1])",
                "ws = wb['Documents']",
                "hdr = [c.value for c in ws[1]]",
                "row = [c.value for c in ws[2]]",
                "print(wb.sheetnames)",
                "print(type(row[hdr.index(\"Date de l'extrait\")]).__name__)",
                "print(row[hdr.index('Dénomination')])",
                "print(ws.max_row)");
        Process python;
        try {
            // Debian's python3-openpyxl lives beside the system interpreter, which a PATH may hide.
            String interpreter = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
            python = new ProcessBuilder(interpreter, "-c", script, xlsx.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("python3 is not installed");
            return;
        }
        boolean finished = python.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        if (!finished) {
            python.destroyForcibly();
        }
        assertThat(finished).as("python3 finished").isTrue();
        String out = new String(python.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("NO-OPENPYXL"), "openpyxl is not installed");
        assertThat(python.exitValue()).as(out).isZero();
        assertThat(out.lines().toList()).containsExactly("['Documents', 'Dirigeants', 'Erreurs']", "datetime", "=1+1", "3");
    }

    /**
     * LibreOffice is what a French garage's office opens exports with: the workbook converted by LibreOffice itself
     * (headless, its own profile) keeps the French headers, the date as a date and formula-like text as text.
     * Checked when the machine has it (libreoffice-calc-nogui; CI installs it).
     */
    @Test
    void opensInLibreOffice() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(soffice), "LibreOffice is not installed");
        Path xlsx = dir.resolve("libreoffice.xlsx");
        exporter.export(List.of(kbis("a.pdf", "=1+1"), error("b.pdf")).iterator(), 2, xlsx, new Job(-1));
        Process office = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir",
                dir.resolve("csv").toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean finished = office.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        if (!finished) {
            office.destroyForcibly();
        }
        assertThat(finished).as("LibreOffice finished").isTrue();
        assertThat(office.exitValue()).isZero();
        // The first sheet ("Documents"), as LibreOffice computed and displayed it.
        List<String> lines = Files.readAllLines(dir.resolve("csv/libreoffice.csv"), java.nio.charset.StandardCharsets.UTF_8);
        String outsideQuotes = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";
        List<String> header = List.of(lines.getFirst().split(outsideQuotes, -1));
        List<String> row = List.of(lines.get(1).split(outsideQuotes, -1));
        assertThat(header).contains("\"Dénomination\"", "\"Date de l'extrait\"");
        assertThat(row.get(header.indexOf("\"Dénomination\""))).as("text, never a formula").isEqualTo("\"=1+1\"");
        assertThat(row.get(header.indexOf("\"Date de l'extrait\""))).as("a date, shown the French way")
                .isEqualTo("22/09/2023");
        assertThat(lines).hasSize(3);
    }

    private static int columnOf(Row header, String name) {
        for (Cell c : header) {
            if (c.getStringCellValue().equals(name)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + name);
    }
}
