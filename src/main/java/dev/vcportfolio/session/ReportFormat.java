package dev.vcportfolio.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the investment-committee report writes numbers: one fixed, locale-independent form each, so a reader (and a test)
 * finds the same figure in the report as in the API's JSON. A value that is absent or not finite is written as an
 * en dash.
 */
final class ReportFormat {

    static final String NONE = "\u2013";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private ReportFormat() {}

    /** A multiple (MOIC, TVPI, DPI) to three decimals with a times sign: {@code 1.868×}. */
    static String multiple(double value) {
        return finite(value) ? fixed(value, 3) + "\u00d7" : NONE;
    }

    /** A multiple that may be absent. */
    static String multiple(Double value) {
        return value == null ? NONE : multiple(value.doubleValue());
    }

    /** A share as a percentage to one decimal: 0.1068 is {@code 10.7%}. */
    static String percent(double share) {
        return finite(share) ? fixed(100 * share, 1) + "%" : NONE;
    }

    /** A share that may be absent. */
    static String percent(Double share) {
        return share == null ? NONE : percent(share.doubleValue());
    }

    /** A weight as a percentage to two decimals: 0.4 is {@code 40.00%}. */
    static String weight(double share) {
        return finite(share) ? fixed(100 * share, 2) + "%" : NONE;
    }

    /** Fund currency units rounded to the unit, grouped by thousands: {@code 33,199,936}. */
    static String money(double amount) {
        if (!finite(amount)) {
            return NONE;
        }
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount);
    }

    /** A whole count grouped by thousands: {@code 61,577}. */
    static String count(long value) {
        return money(value);
    }

    /** A plain number with at most six decimals and no trailing zeros: 0.45, 1, 0.812565. */
    static String number(double value) {
        if (!finite(value)) {
            return NONE;
        }
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** A number that may be absent. */
    static String number(Double value) {
        return value == null ? NONE : number(value.doubleValue());
    }

    /** A solver gap or another tiny quantity in scientific form: {@code 1.0e-04}. */
    static String scientific(Double value) {
        return value == null || !finite(value) ? NONE : String.format(Locale.ROOT, "%.1e", value);
    }

    /** A duration: {@code 850 ms} below ten seconds, else seconds to one decimal. */
    static String millis(long millis) {
        return millis < 10_000 ? count(millis) + " ms" : fixed(millis / 1000.0, 1) + " s";
    }

    /** An instant in UTC to the second; absent as a dash. */
    static String dateTime(OffsetDateTime at) {
        return at == null ? NONE : at.withOffsetSameInstant(ZoneOffset.UTC).format(DATE_TIME);
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String fixed(double value, int decimals) {
        String text = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_EVEN)
                .toPlainString();
        // -0.0 reads as a loss that is not there
        return text.matches("-0\\.?0*") ? text.substring(1) : text;
    }

    private static boolean finite(double value) {
        return Double.isFinite(value);
    }
}
