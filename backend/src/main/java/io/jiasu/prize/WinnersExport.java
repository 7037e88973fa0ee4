package io.jiasu.prize;

/** A winners export (CSV or workbook), its media type and file extension, and how many prize holders it lists. */
public record WinnersExport(byte[] body, String mediaType, String extension, int rows) {
    /** The formats operators can download the winners in. */
    public enum Format {
        /** For scripts and any spreadsheet: RFC 4180, guarded, text kept text (see {@code platform/Csv}). */
        CSV,
        /** For people shipping prizes: typed cells, exactly as the winners typed them. */
        XLSX
    }
}
