package io.jiasu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens exports the way an operator's spreadsheet does. A workbook is read by Apache POI; a CSV is first imported by
 * LibreOffice Calc (headless, {@code libreoffice-calc-nogui}, installed by {@code deploy/local/test}) with the
 * settings of a double-click in Excel (comma, UTF-8, quoted cells not forced to text, numbers and dates detected),
 * saved as a workbook and then read by POI, so a test sees the types a spreadsheet gave each cell.
 */
public final class Spreadsheets {
    /** Comma, double quote, UTF-8, from line 1, no column formats, English (US), quoted not as text, detect dates. */
    private static final String LIKE_EXCEL = "CSV:44,34,76,1,,1033,false,true";

    private Spreadsheets() {}

    public static Sheet workbook(byte[] xlsx) throws IOException {
        try (InputStream in = new ByteArrayInputStream(xlsx);
                Workbook book = new XSSFWorkbook(in)) {
            return book.getSheetAt(0);
        }
    }

    public static Sheet csvAsASpreadsheetReadsIt(byte[] csv) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jiasu-csv");
        try {
            Path in = dir.resolve("export.csv");
            Files.write(in, csv);
            // A profile of its own, so a LibreOffice the developer has open (or a parallel test) does not take the job.
            Process soffice = new ProcessBuilder(
                            "soffice",
                            "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                            "--headless",
                            "--infilter=" + LIKE_EXCEL,
                            "--convert-to",
                            "xlsx",
                            "--outdir",
                            dir.toString(),
                            in.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("soffice.log").toFile())
                    .start();
            assertTrue(soffice.waitFor(120, TimeUnit.SECONDS), "LibreOffice did not convert within 2 minutes");
            assertEquals(0, soffice.exitValue(), Files.readString(dir.resolve("soffice.log")));
            Path out = dir.resolve("export.xlsx");
            assertTrue(Files.exists(out), "no workbook: " + Files.readString(dir.resolve("soffice.log")));
            return workbook(Files.readAllBytes(out));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
