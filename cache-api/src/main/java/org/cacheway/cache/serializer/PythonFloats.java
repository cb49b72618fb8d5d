package org.cacheway.cache.serializer;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Formats doubles exactly as Python's {@code repr(float)} (and so {@code json.dumps}): the shortest
 * digits that round-trip, positional notation for decimal exponents from -4 to 15 with at least
 * one fractional digit ({@code 3.0}, {@code 0.0001}, {@code 1000000000000000.0}), scientific
 * otherwise with a signed two-digit minimum exponent ({@code 1e+16}, {@code 1e-05},
 * {@code 1.5e+300}); {@code NaN}, {@code Infinity} and {@code -Infinity} as json.dumps writes them.
 */
final class PythonFloats {
    private PythonFloats() {
    }

    /** Python's {@code json.dumps} text for a double. */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
        }
        // Schubfach (shortest round-trip digits, unlike JDK 17's Double.toString), in Java's layout.
        String java = NumberOutput.toString(value, true);
        return fromJavaLayout(java);
    }

    /** Python's {@code json.dumps} text for a float, using the float's own shortest digits. */
    public static String repr(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value) || value == 0) {
            return repr((double) value);
        }
        return fromJavaLayout(NumberOutput.toString(value, true));
    }

    /** Rewrites a finite, non-zero Java-layout number ({@code -1.25E-7}, {@code 0.001}) Python's way. */
    private static String fromJavaLayout(String java) {
        boolean negative = java.charAt(0) == '-';
        int start = negative ? 1 : 0;
        int e = java.indexOf('E');
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        String mantissa = e < 0 ? java.substring(start) : java.substring(start, e);
        int dot = mantissa.indexOf('.');
        String intPart = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String fracPart = dot < 0 ? "" : mantissa.substring(dot + 1);
        StringBuilder digits = new StringBuilder(intPart.length() + fracPart.length()).append(intPart).append(fracPart);
        int point = intPart.length() + exponent; // the decimal point sits after this many digits
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits.delete(0, lead);
        point -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits.setLength(end);
        int decimalExponent = point - 1;
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (negative) {
            out.append('-');
        }
        if (decimalExponent < -4 || decimalExponent >= 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(decimalExponent < 0 ? '-' : '+');
            int abs = Math.abs(decimalExponent);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (point <= 0) {
            out.append("0.");
            for (int i = point; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        } else if (point >= digits.length()) {
            out.append(digits);
            for (int i = digits.length(); i < point; i++) {
                out.append('0');
            }
            out.append(".0");
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return out.toString();
    }
}
