package org.cacheway.session.signed;

import org.cacheway.session.SessionException;

/** Django's {@code BadSignature}/{@code SignatureExpired}: a signed value was tampered with, too old or malformed. */
public class BadSignatureException extends SessionException {
    private static final long serialVersionUID = 1L;

    /** A signature error saying what failed. */
    public BadSignatureException(String message) {
        super(message);
    }
}
