package dev.vcportfolio.session;

import java.util.List;

/**
 * A small HTML writer for the report. Every piece of text goes through {@link #escape(String)}; markup comes only from
 * the tag and class names of this class's callers, which are constants, and from {@link #raw(String)}, which the report
 * uses for its style sheet and for SVG it draws from numbers. So no stored string (a bucket name, a calibration's
 * description, a relaxation message) can add markup to the document.
 */
final class ReportHtml {

    /** One table cell: its text (escaped when written) and a class, empty for none. */
    record Cell(String text, String cssClass) {

        static Cell text(String text) {
            return new Cell(text, "");
        }

        /** A right-aligned figure. */
        static Cell figure(String text) {
            return new Cell(text, "num");
        }
    }

    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** Text safe in element content and in quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // controls other than tab and line breaks have no place in a document
                    if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                        escaped.append('\ufffd');
                    } else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** Trusted markup: constants and numeric SVG only. */
    ReportHtml raw(String markup) {
        out.append(markup);
        return this;
    }

    ReportHtml text(String text) {
        out.append(escape(text));
        return this;
    }

    ReportHtml open(String tag, String cssClass) {
        out.append('<').append(tag);
        if (!cssClass.isEmpty()) {
            out.append(" class=\"").append(escape(cssClass)).append('"');
        }
        out.append('>');
        return this;
    }

    ReportHtml close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code <tag class="...">text</tag>}. */
    ReportHtml element(String tag, String cssClass, String text) {
        return open(tag, cssClass).text(text).close(tag);
    }

    ReportHtml heading(int level, String text) {
        return element("h" + level, "", text);
    }

    ReportHtml paragraph(String text) {
        return element("p", "", text);
    }

    ReportHtml note(String text) {
        return element("p", "note", text);
    }

    /** A table with a header row, repeated on each printed page, and body rows that never split across pages. */
    ReportHtml table(String cssClass, List<String> header, List<List<Cell>> rows) {
        open("table", cssClass).open("thead", "").open("tr", "");
        for (int c = 0; c < header.size(); c++) {
            // a column of figures is aligned right, its heading with it
            boolean figures = !rows.isEmpty()
                    && c < rows.getFirst().size()
                    && rows.getFirst().get(c).cssClass().contains("num");
            element("th", figures ? "num" : "", header.get(c));
        }
        close("tr").close("thead").open("tbody", "");
        for (List<Cell> row : rows) {
            open("tr", "");
            for (Cell cell : row) {
                element("td", cell.cssClass(), cell.text());
            }
            close("tr");
        }
        return close("tbody").close("table");
    }

    /** Label and value pairs as a two-column table without a header. */
    ReportHtml facts(List<List<String>> pairs) {
        open("table", "facts").open("tbody", "");
        for (List<String> pair : pairs) {
            open("tr", "")
                    .element("th", "", pair.get(0))
                    .element("td", "", pair.get(1))
                    .close("tr");
        }
        return close("tbody").close("table");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
