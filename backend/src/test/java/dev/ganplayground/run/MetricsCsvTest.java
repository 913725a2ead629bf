package dev.ganplayground.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetricsCsvTest {
    private static Map<String, Double> row(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    @DisplayName("a history as CSV: step first, all columns, empty cells where missing, CRLF lines")
    void history() {
        MetricHistory h = new MetricHistory(100);
        h.append(row("lossD", 0.6931471805599453, "step", 1));
        h.append(row("step", 2, "lossD", 0.5, "lossG", 1e-5));
        h.append(row("step", 3, "lossG", Double.NaN));
        assertThat(MetricsCsv.render(h)).isEqualTo(
                "step,lossD,lossG\r\n"
                        + "1,0.6931471805599453,\r\n"
                        + "2,0.5,1.0E-5\r\n"
                        + "3,,\r\n");
    }

    @Test
    @DisplayName("numbers round-trip, names with commas or quotes are quoted, null and short columns are empty")
    void columns() {
        Map<String, List<Double>> cols = new LinkedHashMap<>();
        cols.put("a,\"b\"", Arrays.asList(-0.0, null, Double.POSITIVE_INFINITY));
        cols.put("step", List.of(0.0, 1e15, 2.5e20));
        cols.put("short", List.of(0.1));
        String csv = MetricsCsv.render(cols);
        assertThat(csv).isEqualTo("step,\"a,\"\"b\"\"\",short\r\n"
                + "0,-0.0,0.1\r\n"
                + "1.0E15,,\r\n"
                + "2.5E20,Infinity,\r\n");
        for (double d : new double[]{0.1, 1.0 / 3, -123456789.0, 1e-300, Math.PI * 1e10, 4503599627370497.0}) {
            assertThat(Double.parseDouble(MetricsCsv.number(d))).isEqualTo(d);
        }
        assertThat(MetricsCsv.render(new LinkedHashMap<>())).isEqualTo("\r\n");
    }
}
