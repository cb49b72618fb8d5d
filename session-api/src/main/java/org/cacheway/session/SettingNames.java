package org.cacheway.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The setting names sessions know, and the typo check over the rest. Like Django, unknown names are
 * ignored (a whole settings module may be passed), but a name within two edits of a known one, say
 * {@code SESSION_COOKIE_AEG}, is most likely a typo that would otherwise go unnoticed.
 */
final class SettingNames {
    /** Django's session settings (those Cacheway does not use included), Cacheway's, and {@code SECRET_KEY}. */
    static final Set<String> KNOWN = Set.of(
            "SESSION_ENGINE", "SESSION_CACHE_ALIAS", "SESSION_COOKIE_AGE", "SESSION_COOKIE_NAME",
            "SESSION_COOKIE_DOMAIN", "SESSION_COOKIE_PATH", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
            "SESSION_COOKIE_SAMESITE", "SESSION_SAVE_EVERY_REQUEST", "SESSION_EXPIRE_AT_BROWSER_CLOSE",
            "SESSION_SERIALIZER", "SESSION_FILE_PATH", "SESSION_STRICT_DATA", "SECRET_KEY");

    /** Edits (insertions, deletions, substitutions, swaps of neighbours) a name may be from a known one. */
    private static final int MAX_EDITS = 2;

    private SettingNames() {
    }

    /** One warning per setting name that looks like a typo of a known one, naming both. */
    static List<String> typoWarnings(Map<String, ?> settings) {
        List<String> warnings = new ArrayList<>();
        for (String name : settings.keySet()) {
            likelyMeant(name).ifPresent(known -> warnings.add("Setting " + name + " is not a session setting"
                    + " and is ignored; did you mean " + known + "?"));
        }
        return warnings;
    }

    /** The known name {@code name} is probably a typo of, if it is not known itself. */
    static Optional<String> likelyMeant(String name) {
        if (KNOWN.contains(name)) {
            return Optional.empty();
        }
        String upper = name.toUpperCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String known : KNOWN) {
            int distance = distance(upper, known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The optimal string alignment distance: Levenshtein's, with a swap of neighbours as one edit. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
