package dev.ponder.core.chart;

import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Axis labels that stay short whatever the scale: 1,024 as it is, 16,384 as 16.4k, 2.1·10⁹ FLOPs as 2.15G (three
 * significant digits and an SI prefix from ten thousand up), so a FLOPs or eFLOPs axis does not print ten-digit labels
 * over each other.
 */
final class CompactNumbers extends NumberFormat {
    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final long serialVersionUID = 1L;

    private final DecimalFormat small = new DecimalFormat("#,##0");

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
        if (Double.isNaN(number) || Double.isInfinite(number) || Math.abs(number) < 10_000) {
            return small.format(number, to, position);
        }
        int prefix = 0;
        double scaled = number;
        while (Math.abs(scaled) >= 1000 && prefix < PREFIXES.length - 1) {
            scaled /= 1000;
            prefix++;
        }
        String digits = String.format(Locale.ROOT, "%.3g", scaled);
        if (digits.contains(".")) {
            digits = digits.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return to.append(digits).append(PREFIXES[prefix]);
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
        return format((double) number, to, position);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
        return small.parse(source, position);
    }
}
