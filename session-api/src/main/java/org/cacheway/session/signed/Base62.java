package org.cacheway.session.signed;

/** Django's {@code baseconv.base62}: digits {@code 0-9A-Za-z}, for signature timestamps. */
final class Base62 {
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {
    }

    static String encode(long value) {
        if (value == 0) {
            return "0";
        }
        StringBuilder out = new StringBuilder();
        long rest = Math.abs(value);
        while (rest > 0) {
            out.append(DIGITS.charAt((int) (rest % 62)));
            rest /= 62;
        }
        return (value < 0 ? "-" : "") + out.reverse();
    }

    static long decode(String text) {
        boolean negative = text.startsWith("-");
        long value = 0;
        for (int i = negative ? 1 : 0; i < text.length(); i++) {
            int digit = DIGITS.indexOf(text.charAt(i));
            if (digit < 0 || value > (Long.MAX_VALUE - digit) / 62) {
                throw new BadSignatureException("Bad timestamp");
            }
            value = value * 62 + digit;
        }
        return negative ? -value : value;
    }
}
