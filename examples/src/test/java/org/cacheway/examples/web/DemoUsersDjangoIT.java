package org.cacheway.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cacheway.testsupport.DebianPython;
import org.junit.jupiter.api.Test;

/**
 * The demo users' password hashes are Django's: a real Django's {@code check_password} accepts the
 * demo password against each. Needs {@code /usr/bin/python3} with Django; fails (never skips) without it.
 */
class DemoUsersDjangoIT {

    @Test
    void djangoAcceptsTheDemoPasswordForEachHash() {
        DebianPython.require("django");
        String script = "import sys\nimport django\nfrom django.conf import settings\n"
                + "settings.configure(SECRET_KEY='unused')\ndjango.setup()\n"
                + "from django.contrib.auth.hashers import check_password\n"
                + "print(' '.join(str(check_password(sys.argv[1], h)) for h in sys.argv[2:]))\n";
        List<String> hashes = DemoUsers.usernames().stream()
                .map(name -> DemoUsers.authenticate(name, DemoUsers.PASSWORD).orElseThrow().passwordHash()).toList();
        String[] args = new String[hashes.size() + 1];
        args[0] = DemoUsers.PASSWORD;
        for (int i = 0; i < hashes.size(); i++) {
            args[i + 1] = hashes.get(i);
        }
        assertThat(DebianPython.run(script, "", args).strip()).isEqualTo("True True");
    }
}
