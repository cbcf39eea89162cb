package org.hetong.search;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a result list as an Excel workbook (.xlsx) with Apache POI's streaming writer, which
 * keeps only a window of rows in memory however long the list.
 */
public final class ResultExport {
    public static final int MAX_ROWS = 10_000;
    private static final String[] HEADERS = {"文档标题", "文件名", "文档类别", "条款编号", "条款标题", "条款类型", "当事方", "年份",
        "条款文本", "条款编号(ID)", "文档编号(ID)"};

    private ResultExport() {}

    public static void write(String query, List<SearchHit> hits, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("检索结果");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("检索式：" + query + "　共 " + hits.size() + " 条");
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADERS.length; c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(HEADERS[c]);
                cell.setCellStyle(bold);
            }
            int r = 2;
            for (SearchHit h : hits) {
                Row row = sheet.createRow(r++);
                String[] values = {h.documentTitle(), h.fileName(), h.kind(), h.number(), h.heading(), h.clauseType(),
                    String.join("、", h.parties()), h.year(), cap(h.text()), h.clauseId(), h.documentId()};
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c).setCellValue(values[c] == null ? "" : values[c]);
                }
            }
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(8, 100 * 256);
            workbook.write(out);
            workbook.dispose();
        }
    }

    /** Excel cells hold at most 32,767 characters. */
    private static String cap(String text) {
        return text == null || text.length() <= 32_000 ? text : text.substring(0, 32_000) + "…";
    }
}
