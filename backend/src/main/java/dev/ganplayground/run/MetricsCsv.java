package dev.ganplayground.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Metric history as CSV text (RFC 4180: a header line, comma separators, CRLF line ends, fields quoted only when
 * they hold a comma, quote or line break, quotes doubled). "step" is the first column, the others follow in the
 * history's order. A missing value (null, NaN, or a column shorter than "step") is an empty cell. Numbers are
 * written so that {@link Double#parseDouble} gives back the same double: integral values below 1e15 without a
 * fraction ("1200", not "1200.0"), everything else with {@link Double#toString} ("0.6931471805599453",
 * "1.0E-5", "Infinity"), which is round-trippable by its specification.
 */
public final class MetricsCsv {
    private static final String EOL = "\r\n";

    private MetricsCsv() {
    }

    /** All rows of {@code history}. */
    static String render(MetricHistory history) {
        return render(history.from(Long.MIN_VALUE));
    }

    /** {@code columns} as in the protocol's metrics message: name to values, equal lengths, "step" among them. */
    public static String render(Map<String, ? extends List<? extends Number>> columns) {
        List<String> names = new ArrayList<>(columns.keySet());
        if (names.remove("step")) {
            names.add(0, "step");
        }
        int rows = 0;
        for (List<? extends Number> c : columns.values()) {
            rows = Math.max(rows, c.size());
        }
        StringBuilder out = new StringBuilder(16 * (rows + 1) * Math.max(1, names.size()));
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : ",").append(field(names.get(i)));
        }
        out.append(EOL);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < names.size(); i++) {
                List<? extends Number> c = columns.get(names.get(i));
                out.append(i == 0 ? "" : ",").append(number(r < c.size() ? c.get(r) : null));
            }
            out.append(EOL);
        }
        return out.toString();
    }

    static String number(Number n) {
        if (n == null || Double.isNaN(n.doubleValue())) {
            return "";
        }
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15 && (d != 0 || 1 / d > 0)) { // -0.0 keeps its sign below
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
