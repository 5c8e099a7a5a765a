package fr.novaevo.workstation.ocr.export;

import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import fr.novaevo.workstation.ocr.kbis.Officer;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes document results to an Excel workbook, streaming (a bounded number of rows in memory, whatever the
 * number of documents): a "Documents" sheet with one row per document and every field, a "Dirigeants" sheet
 * with one row per officer and an "Erreurs" sheet with one row per reason. Headers are French, dates are
 * real dates, and text that a spreadsheet would take for a formula stays text. The workbook is written to a
 * temporary file beside the target and renamed at the end, so a crash never leaves half a file.
 */
public final class ExcelExporter {

    private static final Logger LOG = LoggerFactory.getLogger(ExcelExporter.class);

    /** Rows kept in memory per sheet before being flushed to SXSSF's temporary files. */
    private static final int WINDOW = 200;

    private static final List<Column> DOCUMENT_COLUMNS = List.of(
            new Column("Fichier", null), new Column("Statut", null), new Column("Type de document", null),
            new Column("Personne", FieldKey.PERSONNE), new Column("SIREN", FieldKey.SIREN),
            new Column("Ville du RCS", FieldKey.RCS_VILLE), new Column("N° de gestion", FieldKey.NUMERO_GESTION),
            new Column("Date d'immatriculation", FieldKey.DATE_IMMATRICULATION),
            new Column("Dénomination", FieldKey.DENOMINATION), new Column("Nom commercial", FieldKey.NOM_COMMERCIAL),
            new Column("Forme juridique", FieldKey.FORME_JURIDIQUE),
            new Column("Capital social", FieldKey.CAPITAL_SOCIAL), new Column("Devise", FieldKey.DEVISE),
            new Column("Adresse du siège", FieldKey.ADRESSE_SIEGE),
            new Column("Activité principale", FieldKey.ACTIVITE_PRINCIPALE), new Column("Code NAF", FieldKey.CODE_NAF),
            new Column("Durée jusqu'au", FieldKey.DUREE_JUSQUAU),
            new Column("Clôture de l'exercice", FieldKey.DATE_CLOTURE_EXERCICE),
            new Column("Adresse de l'établissement", FieldKey.ADRESSE_ETABLISSEMENT),
            new Column("Début d'activité", FieldKey.DATE_COMMENCEMENT_ACTIVITE), new Column("Greffe", FieldKey.GREFFE),
            new Column("À jour au", FieldKey.DATE_A_JOUR), new Column("Date de l'extrait", FieldKey.DATE_EXTRAIT),
            new Column("Code de vérification", FieldKey.CODE_VERIFICATION), new Column("Radiée le", FieldKey.RADIEE_LE),
            new Column("TVA intracommunautaire", FieldKey.TVA_INTRACOM), new Column("Confiance minimale", null),
            new Column("Motifs", null), new Column("Vérification plateforme", null),
            new Column("Niveau de confiance plateforme", null));
    private static final List<String> OFFICER_HEADERS = List.of("Fichier", "SIREN de l'entreprise", "Rôle", "Nom",
            "Prénoms", "Date de naissance", "Lieu de naissance", "Dénomination", "SIREN du dirigeant", "Confiance");
    private static final List<String> ERROR_HEADERS = List.of("Fichier", "Statut", "Code", "Message");

    private record Column(String header, FieldKey key) {
    }

    /**
     * @param results  the results, read once, in order (a stream over a batch's rows is fine)
     * @param total    how many there are, for the progress bar (-1 when unknown)
     * @param target   the workbook to write; replaced only once the new one is complete
     * @throws WorkstationException {@code EXPORT-WRITE-FAILED} when the file cannot be written
     * @throws CancelledException   when the job was cancelled (the target is left untouched)
     */
    public void export(Iterator<DocumentResult> results, long total, Path target, JobContext job)
            throws CancelledException {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(job, "job");
        Path absolute = target.toAbsolutePath();
        // rows go to SXSSF's own compressed temporary files; the workbook file itself is written at the end,
        // under a temporary name then renamed
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            SXSSFSheet documents = workbook.createSheet("Documents");
            SXSSFSheet officers = workbook.createSheet("Dirigeants");
            SXSSFSheet errors = workbook.createSheet("Erreurs");
            header(documents, DOCUMENT_COLUMNS.stream().map(Column::header).toList(), styles);
            header(officers, OFFICER_HEADERS, styles);
            header(errors, ERROR_HEADERS, styles);
            long count = 0;
            while (results.hasNext()) {
                job.checkCancelled();
                DocumentResult r = results.next();
                documentRow(documents, r, styles);
                officerRows(officers, r, styles);
                errorRows(errors, r, styles);
                count++;
                if (count % 100 == 0 || !results.hasNext()) {
                    job.progress(count, total, "export");
                }
            }
            AtomicFile.write(absolute, temp -> {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    workbook.write(out);
                }
            });
            LOG.info("exported {} documents to {}", count, absolute);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                LOG.debug("closing the workbook", e);
            }
        }
    }

    private static void header(SXSSFSheet sheet, List<String> headers, Styles styles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(styles.header);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void documentRow(SXSSFSheet sheet, DocumentResult r, Styles styles) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        Optional<KbisExtraction> x = r.extraction();
        int c = 0;
        for (Column column : DOCUMENT_COLUMNS) {
            Cell cell = row.createCell(c++);
            if (column.key() != null) {
                Optional<ExtractedField> field = x.flatMap(e -> e.field(column.key()));
                field.ifPresent(f -> value(cell, column.key(), f.value(), styles));
                continue;
            }
            switch (column.header()) {
                case "Fichier" -> text(cell, r.file().toString(), styles);
                case "Statut" -> text(cell, status(r.status()), styles);
                case "Type de document" -> text(cell, switch (r.documentType()) {
                    case KBIS -> "Kbis";
                    case OTHER -> "Autre";
                    case UNKNOWN -> "Inconnu";
                }, styles);
                case "Confiance minimale" -> x.flatMap(ExcelExporter::minimumConfidence).ifPresent(v -> {
                    cell.setCellValue(v);
                    cell.setCellStyle(styles.percent);
                });
                case "Motifs" -> text(cell, r.issues().stream().map(Issue::code).collect(Collectors.joining(", ")), styles);
                case "Vérification plateforme" -> r.verification().ifPresent(v -> text(cell, verification(v.status()), styles));
                case "Niveau de confiance plateforme" -> r.trustLevel().ifPresent(cell::setCellValue);
                default -> throw new IllegalStateException("column " + column.header());
            }
        }
    }

    private static Optional<Double> minimumConfidence(KbisExtraction x) {
        double min = x.fields().values().stream().mapToDouble(ExtractedField::confidence).min().orElse(1.0);
        if (!x.officers().isEmpty()) {
            min = Math.min(min, x.officersConfidence());
        }
        return x.fields().isEmpty() ? Optional.empty() : Optional.of(min);
    }

    private static void officerRows(SXSSFSheet sheet, DocumentResult r, Styles styles) {
        if (r.extraction().isEmpty()) {
            return;
        }
        KbisExtraction x = r.extraction().get();
        for (Officer o : x.officers()) {
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            text(row.createCell(0), r.file().toString(), styles);
            x.value(FieldKey.SIREN).ifPresent(s -> text(row.createCell(1), s, styles));
            o.role().ifPresent(role -> text(row.createCell(2), role, styles));
            switch (o) {
                case Officer.Person p -> {
                    text(row.createCell(3), p.nom(), styles);
                    text(row.createCell(4), p.prenoms(), styles);
                    p.dateNaissance().ifPresent(d -> date(row.createCell(5), d, styles));
                    p.lieuNaissance().ifPresent(l -> text(row.createCell(6), l, styles));
                }
                case Officer.Company company -> {
                    text(row.createCell(7), company.denomination(), styles);
                    company.siren().ifPresent(s -> text(row.createCell(8), s, styles));
                }
            }
            Cell confidence = row.createCell(9);
            confidence.setCellValue(o.confidence());
            confidence.setCellStyle(styles.percent);
        }
    }

    private static void errorRows(SXSSFSheet sheet, DocumentResult r, Styles styles) {
        for (Issue issue : r.issues()) {
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            text(row.createCell(0), r.file().toString(), styles);
            text(row.createCell(1), status(r.status()), styles);
            text(row.createCell(2), issue.code(), styles);
            text(row.createCell(3), FrenchReasons.message(issue), styles);
        }
    }

    /** The platform's status in French; a status the contract may add later shows as it came. */
    private static String verification(String status) {
        return switch (status) {
            case "verified" -> "Vérifié";
            case "mismatch" -> "Incohérence";
            case "not_found" -> "Introuvable";
            case "pending" -> "En attente";
            default -> status;
        };
    }

    private static String status(DocumentStatus status) {
        return switch (status) {
            case OK -> "OK";
            case NEEDS_REVIEW -> "À vérifier";
            case ERROR -> "Erreur";
        };
    }

    /** Dates as real dates, the capital as a number, the rest as text. */
    private static void value(Cell cell, FieldKey key, String value, Styles styles) {
        switch (key.kind()) {
            case DATE -> {
                try {
                    date(cell, LocalDate.parse(value), styles);
                } catch (DateTimeParseException e) {
                    text(cell, value, styles);
                }
            }
            case DECIMAL -> {
                try {
                    cell.setCellValue(new BigDecimal(value).doubleValue());
                    cell.setCellStyle(styles.amount);
                } catch (NumberFormatException e) {
                    text(cell, value, styles);
                }
            }
            default -> text(cell, value, styles);
        }
    }

    private static void date(Cell cell, LocalDate date, Styles styles) {
        cell.setCellValue(date);
        cell.setCellStyle(styles.date);
    }

    /**
     * A string cell is never evaluated, but a spreadsheet re-saved as CSV or edited would turn "=..." into a
     * formula: such text is also marked quote-prefixed, so it stays text everywhere.
     */
    static void text(Cell cell, String value, Styles styles) {
        cell.setCellValue(value);
        if (FormulaGuard.looksLikeFormula(value)) {
            cell.setCellStyle(styles.quoted);
        }
    }

    /** The few styles of the workbook (a workbook holds a limited number: create each once). */
    static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle amount;
        final CellStyle percent;
        final CellStyle quoted;

        Styles(SXSSFWorkbook workbook) {
            WorkbookStyles common = new WorkbookStyles(workbook);
            header = common.header;
            amount = common.amount;
            quoted = common.quoted;
            date = common.format("dd/mm/yyyy");
            percent = common.format("0%");
        }
    }
}
