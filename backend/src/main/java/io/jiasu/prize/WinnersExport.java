package io.jiasu.prize;

/** A winners CSV and how many prize holders it lists (for the audit log). */
public record WinnersExport(String csv, int rows) {
    public static final String MEDIA_TYPE = WinnersCsv.MEDIA_TYPE;
}
